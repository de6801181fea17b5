//! The host's checks on every stage result, the reference's included: the
//! output limits (lists, reasons, string lengths), the characters text may
//! carry, and the rule-id contract.
//! A result that breaks them is a fault, and the reference result stands.

use crate::limits::Limits;
use crate::model::FaultKind;
use serde::Serialize;
use wegwijs_types as m;

/// Checks a result against the output limits and the rule-id contract by
/// walking its JSON form, so one check covers every card type: lists of
/// reasons against `max_reasons`, other lists against `max_items`, strings
/// against `max_string_bytes` and for control, line-breaking and bidi
/// characters ([`wegwijs_kit::is_forbidden_char`]), and every cited rule id
/// for well-formedness.
pub(crate) fn check_output(result: &impl Serialize, limits: &Limits) -> Result<(), (FaultKind, String)> {
    let value = serde_json::to_value(result)
        .map_err(|e| (FaultKind::InvalidOutput, format!("the result cannot be read as a card: {e}")))?;
    fn walk(v: &serde_json::Value, path: &str, limits: &Limits) -> Result<(), (FaultKind, String)> {
        match v {
            serde_json::Value::String(s) if s.len() > limits.max_string_bytes => Err((
                FaultKind::OutputTooLarge,
                format!("`{path}` is {} bytes long; at most {} are accepted", s.len(), limits.max_string_bytes),
            )),
            // Every string on a card is one line a professional reads; a
            // control or bidi character could forge another line, clear the
            // screen or reorder what is shown. Named by code and position,
            // never echoed.
            serde_json::Value::String(s) => match wegwijs_kit::first_forbidden_char(s) {
                Some((at, c)) => Err((
                    FaultKind::InvalidOutput,
                    format!(
                        "`{path}` contains {} at character {at}: control, line-breaking and bidi characters are not accepted",
                        wegwijs_kit::char_code(c)
                    ),
                )),
                None => Ok(()),
            },
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn card() -> m::RoutingCard {
        let mut card =
            wegwijs_kit::region_routing_without_reference("test-region", "REGIO-TEST", wegwijs_types::Language::En);
        card.reasons.push(m::Reason::new("REGIO-TEST", "A plain reason."));
        card
    }

    proptest! {
        /// A forbidden character anywhere in a string of a result, whatever
        /// the field, makes it invalid output naming the field and the
        /// character's code, never the text around it.
        #[test]
        fn a_forbidden_character_anywhere_is_invalid_output(
            c in any::<char>().prop_filter("forbidden", |c| wegwijs_kit::is_forbidden_char(*c)),
            secret in "[A-Z][a-z]{5,10}", field in 0usize..3,
        ) {
            let mut card = card();
            let text = format!("{secret}{c}");
            match field {
                0 => card.summary = text,
                1 => card.reasons[0].text = text,
                _ => card.care_coordinator = Some(text),
            }
            let (kind, detail) = check_output(&card, &Limits::default()).unwrap_err();
            prop_assert_eq!(kind, FaultKind::InvalidOutput);
            prop_assert!(detail.contains(&wegwijs_kit::char_code(c)), "{}", detail);
            prop_assert!(!detail.contains(&secret), "{}", detail);
        }

        /// Text without them passes, accents, euro signs and dashes included.
        #[test]
        fn ordinary_text_passes(text in "[a-zA-Zéëïöü€ —–,.()0-9]{0,80}") {
            let mut card = card();
            card.summary = text;
            prop_assert!(check_output(&card, &Limits::default()).is_ok());
        }
    }
}
