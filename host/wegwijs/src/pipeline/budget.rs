//! The output budget: how many bytes a stage result takes as compact JSON,
//! measured before anything else is done with it.
//!
//! The per-field limits (items, reasons, string length) each allow a lot,
//! and their product is enormous: 256 routes of 256 reasons of 8 KiB is
//! half a GiB, all of it legal field by field. So before the result is
//! copied into a JSON value to be checked ([`super::output`]), kept in a
//! trace or put on a decision, it is serialized into a byte counter that
//! stops as soon as the budget is spent: a result far over the budget
//! costs the host no more than the budget to measure, and no allocation
//! beyond the path it names.
//!
//! What this cannot bound is the lifting itself: wasmtime copies the result
//! out of the component's linear memory into host values before the host
//! sees it, and the typed call API offers no hook before that. That copy is
//! bounded by the component's memory limit (a result can only be lifted
//! from what its memory holds), up to a small factor for the host's
//! representation of lists and strings.

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use std::cell::{Cell, RefCell};
use std::io;

/// A result's size as compact JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Size {
    /// Within the budget: this many bytes.
    Within(usize),
    /// Over the budget; `at` is where the count passed it, e.g.
    /// `routes[17].reasons`.
    Over {
        /// The JSON path at which the budget was spent.
        at: String,
    },
    /// Not measured: a list or a string is over its own limit, or the
    /// result does not serialize. The field checks say which and where.
    Misshapen,
}

/// Measures `result` against `budget` bytes; lists longer than `max_list`
/// items and strings longer than `max_string` bytes are left to the field
/// checks, which name them more usefully than a total would.
pub(crate) fn measure(result: &impl Serialize, budget: usize, max_list: usize, max_string: usize) -> Size {
    measure_with(result, budget, max_list, max_string, false)
}

/// [`measure`], and in the same pass everything the field checks
/// ([`super::output::check_output`]) look for: a list longer than
/// `max_list`, a control or bidi character, an ill-formed rule id. Any of
/// them stops the count as [`Size::Misshapen`], so the caller runs the field
/// checks for the exact fault; [`Size::Within`] means the result is clean
/// and the field checks, which copy the whole result into a JSON value,
/// can be skipped. That copy was a sixth of a decision's time.
pub(crate) fn measure_clean(result: &impl Serialize, budget: usize, max_list: usize, max_string: usize) -> Size {
    measure_with(result, budget, max_list, max_string, true)
}

fn measure_with(result: &impl Serialize, budget: usize, max_list: usize, max_string: usize, strict: bool) -> Size {
    let bytes = Cell::new(0);
    let over = RefCell::new(None);
    let meter = Meter {
        bytes: &bytes,
        over: &over,
        budget,
        max_list,
        max_string,
        path: Vec::new(),
        in_key: false,
        string_bytes: 0,
        strict,
        rule_next: false,
        rule: None,
    };
    let mut counter = Counter(&bytes);
    let mut serializer = serde_json::Serializer::with_formatter(&mut counter, meter);
    match result.serialize(&mut serializer) {
        Ok(()) if bytes.get() > budget => Size::Over { at: "the end of the result".into() },
        Ok(()) => Size::Within(bytes.get()),
        Err(_) => match over.into_inner() {
            Some(at) => Size::Over { at },
            None => Size::Misshapen,
        },
    }
}

/// Counts what the serializer writes, and keeps none of it.
struct Counter<'a>(&'a Cell<usize>);

impl io::Write for Counter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get().saturating_add(buf.len()));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One step of a JSON path.
enum Step {
    Key(String),
    Index(usize),
}

/// A compact formatter that keeps track of where it is, checks each list
/// and string against its limit as it grows, and stops the serializer
/// (with an I/O error, the only way a formatter can) once the budget is
/// spent. The check runs before every list item and object value, so the
/// count passes the budget by at most one string and a little structure.
struct Meter<'a> {
    bytes: &'a Cell<usize>,
    over: &'a RefCell<Option<String>>,
    budget: usize,
    max_list: usize,
    max_string: usize,
    path: Vec<Step>,
    in_key: bool,
    string_bytes: usize,
    /// Also stop at what the field checks would refuse ([`measure_clean`]).
    strict: bool,
    /// The key just written is `rule`: its value is a cited rule id.
    rule_next: bool,
    /// The rule id being written, while it is.
    rule: Option<String>,
}

impl Meter<'_> {
    fn stop() -> io::Error {
        io::Error::other("stopped measuring")
    }

    fn check_budget(&mut self) -> io::Result<()> {
        if self.bytes.get() <= self.budget {
            return Ok(());
        }
        let mut at = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) if at.is_empty() => at.push_str(k),
                Step::Key(k) => {
                    at.push('.');
                    at.push_str(k);
                }
                Step::Index(i) => at.push_str(&format!("[{i}]")),
            }
        }
        *self.over.borrow_mut() = Some(at);
        Err(Self::stop())
    }

    fn count_string(&mut self, n: usize) -> io::Result<()> {
        self.string_bytes += n;
        if self.string_bytes > self.max_string { Err(Self::stop()) } else { Ok(()) }
    }
}

impl Formatter for Meter<'_> {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.path.push(Step::Index(0));
        CompactFormatter.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.path.pop();
        CompactFormatter.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if let Some(Step::Index(i)) = self.path.last_mut() {
            if !first {
                *i += 1;
            }
            if *i >= self.max_list {
                return Err(Self::stop());
            }
        }
        self.check_budget()?;
        CompactFormatter.begin_array_value(writer, first)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.path.push(Step::Key(String::new()));
        CompactFormatter.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.path.pop();
        CompactFormatter.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if let Some(Step::Key(k)) = self.path.last_mut() {
            k.clear();
        }
        self.in_key = true;
        CompactFormatter.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.in_key = false;
        self.rule_next = self.strict && matches!(self.path.last(), Some(Step::Key(k)) if k == "rule");
        // The key is known now: the path names the value about to come.
        self.check_budget()?;
        CompactFormatter.end_object_key(writer)
    }

    fn begin_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.string_bytes = 0;
        if std::mem::take(&mut self.rule_next) && !self.in_key {
            self.rule = Some(String::new());
        }
        CompactFormatter.begin_string(writer)
    }

    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        self.count_string(fragment.len())?;
        if self.strict && wegwijs_kit::has_forbidden_char(fragment) {
            return Err(Self::stop());
        }
        if let Some(rule) = self.rule.as_mut() {
            rule.push_str(fragment);
        }
        if self.in_key
            && let Some(Step::Key(k)) = self.path.last_mut()
        {
            k.push_str(fragment);
        }
        CompactFormatter.write_string_fragment(writer, fragment)
    }

    fn write_char_escape<W: ?Sized + io::Write>(&mut self, writer: &mut W, escape: CharEscape) -> io::Result<()> {
        // Every character serde_json escapes is one byte in the string.
        self.count_string(1)?;
        // Apart from a quote and a backslash, what serde_json escapes is a
        // control character.
        if self.strict && !matches!(escape, CharEscape::Quote | CharEscape::ReverseSolidus) {
            return Err(Self::stop());
        }
        if let Some(rule) = self.rule.as_mut() {
            rule.push('\\');
        }
        CompactFormatter.write_char_escape(writer, escape)
    }

    fn end_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if let Some(rule) = self.rule.take()
            && !wegwijs_types::is_well_formed_rule_id(&rule)
        {
            return Err(Self::stop());
        }
        CompactFormatter.end_string(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// JSON shaped like cards: the keys the field checks treat specially,
    /// rule ids well-formed or not, text with and without control and bidi
    /// characters, lists around the limits.
    fn card_like() -> impl Strategy<Value = serde_json::Value> {
        let text = prop_oneof![
            "[A-Za-z ]{0,12}",
            "RT-[A-Z0-9]{1,4}",
            "[a-z]{0,4}[\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}][a-z]{0,4}",
            "[a-z\"\\\\]{0,8}",
        ];
        let leaf = prop_oneof![text.prop_map(serde_json::Value::from), any::<u8>().prop_map(serde_json::Value::from)];
        leaf.prop_recursive(4, 48, 6, |inner| {
            let key = prop_oneof![
                Just("rule"),
                Just("text"),
                Just("reasons"),
                Just("routes"),
                Just("warnings"),
                Just("summary")
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..7).prop_map(serde_json::Value::from),
                proptest::collection::btree_map(key.prop_map(String::from), inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The one-pass check never lets through what the field checks
        /// refuse, and measures exactly what the plain count does.
        #[test]
        fn a_clean_measure_implies_the_field_checks_pass(v in card_like()) {
            let limits = crate::limits::Limits {
                max_items: 3,
                max_reasons: 5,
                max_string_bytes: 20,
                ..crate::limits::Limits::default()
            };
            if let Size::Within(bytes) = measure_clean(&v, 10_000, 3, 20) {
                prop_assert!(super::super::output::check_output(&v, &limits).is_ok(), "{}", v);
                prop_assert_eq!(measure(&v, 10_000, 5, 20), Size::Within(bytes));
            }
        }
    }

    #[test]
    fn a_result_within_the_budget_is_measured_exactly() {
        let v = json!({"summary": "ab\"c", "routes": [{"reasons": ["x", "y"]}, {}], "n": 12, "ok": true});
        let exact = serde_json::to_vec(&v).unwrap().len();
        assert_eq!(measure(&v, exact, 10, 100), Size::Within(exact));
        assert!(matches!(measure(&v, exact - 1, 10, 100), Size::Over { .. }));
    }

    #[test]
    fn the_budget_names_where_it_was_spent() {
        let text = "t".repeat(100);
        let reasons: Vec<_> = (0..10).map(|_| json!({"text": text})).collect();
        let v = json!({"headline": "h", "routes": [{"reasons": reasons}, {"reasons": reasons}]});
        assert_eq!(measure(&v, 1500, 10, 100), Size::Over { at: "routes[1].reasons[3]".into() });
    }

    #[test]
    fn a_list_or_string_over_its_own_limit_is_left_to_the_field_checks() {
        assert_eq!(measure(&json!({"a": [1, 2, 3]}), 1000, 2, 100), Size::Misshapen);
        assert_eq!(measure(&json!({"a": "x".repeat(101)}), 1000, 2, 100), Size::Misshapen);
        assert_eq!(measure(&json!({"a": "\n".repeat(101)}), 10_000, 2, 100), Size::Misshapen);
        // Even when the budget is spent too: the field checks come first.
        assert_eq!(measure(&json!({"a": "x".repeat(101)}), 10, 2, 100), Size::Misshapen);
    }

    #[test]
    fn measuring_a_result_far_over_the_budget_stops_early() {
        // A million items of 100 bytes: measured only up to the budget.
        struct Many;
        impl Serialize for Many {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let text = "t".repeat(100);
                let mut seq = s.serialize_seq(None)?;
                for n in 0..1_000_000 {
                    assert!(n < 200, "kept serializing past the budget");
                    seq.serialize_element(&text)?;
                }
                seq.end()
            }
        }
        assert_eq!(measure(&Many, 10_000, usize::MAX, 100), Size::Over { at: "[98]".into() });
    }
}
