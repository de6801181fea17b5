//! What a region's component changed relative to the guideline's result for
//! the same stage: computed from both results, never declared by the region
//! (docs/decisions/0004), so a region cannot hide a change by not
//! mentioning it.

use crate::decision::Divergence;
use crate::model::ComponentInfo;
use serde::Serialize;
use wegwijs_types::{self as m, Language, say};

/// The divergence of `region` from `reference`, or `None` when they are equal.
pub(crate) fn divergence(
    component: &ComponentInfo,
    reference: &impl Serialize,
    region: &impl Serialize,
    lang: Language,
) -> Option<Divergence> {
    let (reference, region) = (serde_json::to_value(reference).ok()?, serde_json::to_value(region).ok()?);
    (reference != region).then(|| changes(component, &reference, &region, lang))
}

/// Changed fields, routes added, removed or changed (by partner and kind),
/// and the reasons the region gave that the reference did not.
/// Routes are named by their WIT partner and kind and fields by their JSON
/// keys, the same in every language: the words around them are the reader's.
fn changes(
    component: &ComponentInfo,
    reference: &serde_json::Value,
    region: &serde_json::Value,
    lang: Language,
) -> Divergence {
    use serde_json::Value;
    let mut changes = Vec::new();
    let short = |v: &Value| {
        let s = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        wegwijs_kit::clip(&s, 60)
    };
    let route_key = |r: &Value| format!("{} {}", short(&r["partner"]), short(&r["kind"]));
    let compare = |prefix: &str, a: &Value, b: &Value, changes: &mut Vec<String>| {
        if let (Value::Object(a), Value::Object(b)) = (a, b) {
            for (k, av) in a {
                let bv = b.get(k).unwrap_or(&Value::Null);
                if av == bv || k == "reasons" || k == "warnings" {
                    continue;
                }
                if k == "routes" {
                    let (ar, br) =
                        (av.as_array().cloned().unwrap_or_default(), bv.as_array().cloned().unwrap_or_default());
                    for r in &br {
                        match ar.iter().find(|x| route_key(x) == route_key(r)) {
                            None => {
                                let key = route_key(r);
                                changes.push(say!(lang, "route toegevoegd: {key}", "route added: {key}"));
                            }
                            Some(x) if x != r => {
                                let fields: Vec<&str> = r
                                    .as_object()
                                    .into_iter()
                                    .flatten()
                                    .filter(|(f, v)| *f != "reasons" && x.get(f.as_str()) != Some(v))
                                    .map(|(f, _)| f.as_str())
                                    .collect();
                                if !fields.is_empty() {
                                    let (key, fields) = (route_key(r), fields.join(", "));
                                    changes.push(say!(
                                        lang,
                                        "route gewijzigd: {key} ({fields})",
                                        "route changed: {key} ({fields})"
                                    ));
                                }
                            }
                            Some(_) => {}
                        }
                    }
                    for x in &ar {
                        if !br.iter().any(|r| route_key(r) == route_key(x)) {
                            let key = route_key(x);
                            changes.push(say!(lang, "route vervallen: {key}", "route removed: {key}"));
                        }
                    }
                } else {
                    changes.push(format!("{prefix}{k}: {} → {}", short(av), short(bv)));
                }
            }
        }
    };
    match (reference, region) {
        (Value::Array(a), Value::Array(b)) => {
            for (x, y) in a.iter().zip(b) {
                let prefix = format!("{}: ", short(&x["request"]["recipient"]));
                compare(&prefix, x, y, &mut changes);
            }
        }
        (a, b) => compare("", a, b, &mut changes),
    }
    let mut known = std::collections::BTreeSet::new();
    collect_reasons(reference, &mut |r| {
        known.insert(r.clone());
    });
    let mut region_reasons = Vec::new();
    collect_reasons(region, &mut |r| {
        if !known.contains(&r) && !region_reasons.contains(&r) {
            region_reasons.push(r);
        }
    });
    let reasons_only = changes.is_empty();
    if reasons_only {
        changes.push(lang.pick("alleen de redenen", "reasons only").into());
    }
    Divergence {
        reasons_only,
        stage: component.stage,
        component: component.name.clone(),
        sha256: component.sha256.clone(),
        changes,
        region_reasons: region_reasons.into_iter().map(|(rule, text)| m::Reason::new(&rule, text)).collect(),
    }
}

/// Every `{rule, text}` object in a card, as pairs.
fn collect_reasons(v: &serde_json::Value, f: &mut impl FnMut((String, String))) {
    match v {
        serde_json::Value::Object(o) => {
            if let (Some(serde_json::Value::String(rule)), Some(serde_json::Value::String(text))) =
                (o.get("rule"), o.get("text"))
            {
                f((rule.clone(), text.clone()));
            }
            o.values().for_each(|x| collect_reasons(x, f));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_reasons(x, f)),
        _ => {}
    }
}
