//! The host's checks on every stage result, the reference's included: the
//! output limits (lists, reasons, string lengths) and the rule-id contract.
//! A result that breaks them is a fault, and the reference result stands.

use crate::limits::Limits;
use crate::model::FaultKind;
use serde::Serialize;
use wegwijs_types as m;

/// Checks a result against the output limits and the rule-id contract by
/// walking its JSON form, so one check covers every card type: lists of
/// reasons against `max_reasons`, other lists against `max_items`, strings
/// against `max_string_bytes`, and every cited rule id for well-formedness.
pub(crate) fn check_output(result: &impl Serialize, limits: &Limits) -> Result<(), (FaultKind, String)> {
    let value = serde_json::to_value(result)
        .map_err(|e| (FaultKind::InvalidOutput, format!("the result cannot be read as a card: {e}")))?;
    fn walk(v: &serde_json::Value, path: &str, limits: &Limits) -> Result<(), (FaultKind, String)> {
        match v {
            serde_json::Value::String(s) if s.len() > limits.max_string_bytes => Err((
                FaultKind::OutputTooLarge,
                format!("`{path}` is {} bytes long; at most {} are accepted", s.len(), limits.max_string_bytes),
            )),
            serde_json::Value::Array(items) => {
                let reasons = path.ends_with("reasons") || path.ends_with("warnings");
                let max = if reasons { limits.max_reasons } else { limits.max_items };
                if items.len() > max {
                    return Err((
                        FaultKind::OutputTooLarge,
                        format!("`{path}` has {} items; at most {max} are accepted", items.len()),
                    ));
                }
                items.iter().enumerate().try_for_each(|(i, item)| walk(item, &format!("{path}[{i}]"), limits))
            }
            serde_json::Value::Object(fields) => {
                if let Some(serde_json::Value::String(rule)) = fields.get("rule")
                    && !m::is_well_formed_rule_id(rule)
                {
                    return Err((
                        FaultKind::InvalidOutput,
                        format!(
                            "`{path}` cites `{}`, which is not a well-formed rule id (e.g. RT-A2, REGIO-NOORD-HUB)",
                            wegwijs_kit::clip(rule, 64)
                        ),
                    ));
                }
                fields.iter().try_for_each(|(k, item)| {
                    walk(item, &if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, limits)
                })
            }
            _ => Ok(()),
        }
    }
    walk(&value, "", limits)
}
