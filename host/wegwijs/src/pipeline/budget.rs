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
use serde::ser::{self, Impossible};
use std::fmt;

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
    let mut meter = Meter { bytes: 0, budget, max_list, max_string, strict, path: Vec::new() };
    match result.serialize(&mut meter) {
        Ok(()) if meter.bytes > budget => Size::Over { at: "the end of the result".into() },
        Ok(()) => Size::Within(meter.bytes),
        Err(Stop::Over(at)) => Size::Over { at },
        Err(Stop::Misshapen) => Size::Misshapen,
    }
}

/// Why measuring stopped.
#[derive(Debug)]
enum Stop {
    /// The budget was spent at this path.
    Over(String),
    /// A list or string over its own limit, what the strict pass refuses,
    /// or a value JSON cannot hold.
    Misshapen,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped measuring")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Stop::Misshapen
    }
}

/// One step of a JSON path. Struct fields are `'static` names, so walking
/// a card allocates nothing; only map keys are copied.
enum Step {
    Field(&'static str),
    Key(String),
    Index(usize),
}

/// Counts the bytes `serde_json::to_vec` would write, without writing them,
/// keeping track of where it is, checking each list and string against its
/// limit as it grows, and stopping once the budget is spent. The budget is
/// checked before every list item and object value, so the count passes it
/// by at most one string and a little structure.
///
/// This is a serializer of its own, not `serde_json` with a counting
/// formatter, because it sees each string whole: one scan finds what JSON
/// escapes and what the strict pass refuses (measured: a fifth of a
/// decision's time went to measuring through `serde_json`). The property
/// test `the_count_is_serde_json_s_length` holds the two to the same byte.
struct Meter {
    bytes: usize,
    budget: usize,
    max_list: usize,
    max_string: usize,
    /// Also stop at what the field checks would refuse ([`measure_clean`]).
    strict: bool,
    path: Vec<Step>,
}

impl Meter {
    fn check_budget(&self) -> Result<(), Stop> {
        if self.bytes <= self.budget {
            return Ok(());
        }
        let mut at = String::new();
        for step in &self.path {
            match step {
                Step::Field(k) if at.is_empty() => at.push_str(k),
                Step::Key(k) if at.is_empty() => at.push_str(k),
                Step::Field(k) => {
                    at.push('.');
                    at.push_str(k);
                }
                Step::Key(k) => {
                    at.push('.');
                    at.push_str(k);
                }
                Step::Index(i) => at.push_str(&format!("[{i}]")),
            }
        }
        Err(Stop::Over(at))
    }

    fn add(&mut self, n: usize) {
        self.bytes = self.bytes.saturating_add(n);
    }

    /// A string: its limit, what the strict pass refuses, and its length
    /// as JSON (quotes and escapes included).
    fn string(&mut self, s: &str) -> Result<(), Stop> {
        if s.len() > self.max_string {
            return Err(Stop::Misshapen);
        }
        let bytes = s.as_bytes();
        let mut extra = 0;
        if let Some(first) = first_special(bytes) {
            if self.strict && wegwijs_kit::has_forbidden_char(&s[first..]) {
                return Err(Stop::Misshapen);
            }
            for &b in &bytes[first..] {
                extra += match b {
                    b'"' | b'\\' | 0x08 | 0x0c | b'\n' | b'\r' | b'\t' => 1,
                    0..0x20 => 5,
                    _ => 0,
                };
            }
        }
        self.add(2 + s.len() + extra);
        Ok(())
    }

    /// A list item is about to be written: its index, its limit, the budget.
    fn item(&mut self) -> Result<(), Stop> {
        let first = match self.path.last_mut() {
            Some(Step::Index(i)) => {
                let first = *i == usize::MAX;
                *i = if first { 0 } else { *i + 1 };
                if *i >= self.max_list {
                    return Err(Stop::Misshapen);
                }
                first
            }
            _ => false,
        };
        self.check_budget()?;
        if !first {
            self.add(1);
        }
        Ok(())
    }

    fn begin_list(&mut self) {
        self.add(1);
        // "No item yet": the first `item` makes it 0.
        self.path.push(Step::Index(usize::MAX));
    }

    fn end_list(&mut self) {
        self.path.pop();
        self.add(1);
    }

    fn begin_object(&mut self) {
        self.add(1);
        self.path.push(Step::Field(""));
    }

    fn end_object(&mut self) {
        self.path.pop();
        self.add(1);
    }

    /// A field or key is written and its value is about to be: the
    /// separator, the key, the budget (the path now names the value), `:`.
    fn key(&mut self, step: Step) -> Result<(), Stop> {
        let first = matches!(self.path.last(), Some(Step::Field("")));
        if !first {
            self.add(1);
        }
        // Keys pass the same checks as strings. A field named "" would read
        // as "no key yet" above: no card has one.
        match &step {
            Step::Field(k) => self.string(k)?,
            Step::Key(k) => self.string(k)?,
            Step::Index(_) => {}
        }
        if let Some(last) = self.path.last_mut() {
            *last = step;
        }
        self.check_budget()?;
        self.add(1);
        Ok(())
    }

    /// Whether the value about to be written is a cited rule id.
    fn at_rule(&self) -> bool {
        self.strict
            && match self.path.last() {
                Some(Step::Field(k)) => *k == "rule",
                Some(Step::Key(k)) => k == "rule",
                _ => false,
            }
    }

    fn number(&mut self, digits: usize) -> Result<(), Stop> {
        self.add(digits);
        Ok(())
    }
}

/// Whether JSON escapes `b` or the strict pass must look closer at it:
/// `"`, `\`, C0 controls and DEL, and the lead bytes C2, D8 and E2 with
/// which every other refused character starts (see
/// `wegwijs_kit::has_forbidden_char`).
fn special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2
}

/// The position of the first [`special`] byte. Eight bytes at a time: a
/// word with no control, quote, backslash, DEL or non-ASCII byte (nearly
/// every word of a card's English or Dutch text) is passed with a few
/// arithmetic operations instead of eight comparisons; a word with any of
/// them is looked at byte by byte. A card is some 10 KB of text, and this
/// scan is the only pass over it.
fn first_special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero: exact about whether any is, for any `x`.
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Below 0x20 (exact for ASCII bytes; non-ASCII ones are caught by
        // the high bit), a quote, a backslash, DEL, or non-ASCII.
        let flagged = (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
            | has_zero(w ^ (ONES * u64::from(b'"')))
            | has_zero(w ^ (ONES * u64::from(b'\\')))
            | has_zero(w ^ (ONES * 0x7f))
            | (w & HIGH);
        if flagged != 0
            && let Some(i) = chunk.iter().position(|&b| special(b))
        {
            return Some(at + i);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&b| special(b)).map(|i| at + i)
}

fn digits_u(mut n: u128) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

fn digits_i(n: i128) -> usize {
    digits_u(n.unsigned_abs()) + usize::from(n < 0)
}

impl<'a> ser::Serializer for &'a mut Meter {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = List<'a>;
    type SerializeTuple = List<'a>;
    type SerializeTupleStruct = List<'a>;
    type SerializeTupleVariant = List<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Stop> {
        self.number(if v { 4 } else { 5 })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Stop> {
        self.number(digits_i(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Stop> {
        self.number(digits_i(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Stop> {
        self.number(digits_i(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Stop> {
        self.number(digits_i(v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Stop> {
        self.number(digits_i(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Stop> {
        self.number(digits_u(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Stop> {
        self.number(digits_u(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Stop> {
        self.number(digits_u(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Stop> {
        self.number(digits_u(v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result<(), Stop> {
        self.number(digits_u(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Stop> {
        // Rare in a card; serde_json's own formatting is the reference.
        self.number(serde_json::to_string(&v).map_err(|_| Stop::Misshapen)?.len())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Stop> {
        self.number(serde_json::to_string(&v).map_err(|_| Stop::Misshapen)?.len())
    }
    fn serialize_char(self, v: char) -> Result<(), Stop> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        if self.at_rule() && !wegwijs_types::is_well_formed_rule_id(v) {
            return Err(Stop::Misshapen);
        }
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Stop> {
        use ser::SerializeSeq as _;
        let mut list = self.serialize_seq(Some(v.len()))?;
        for b in v {
            list.serialize_element(b)?;
        }
        list.end()
    }
    fn serialize_none(self) -> Result<(), Stop> {
        self.number(4)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        self.number(4)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Stop> {
        self.number(4)
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Stop> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.begin_object();
        self.key(Step::Field(variant))?;
        value.serialize(&mut *self)?;
        self.end_object();
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<List<'a>, Stop> {
        self.begin_list();
        Ok(List { meter: self, variant: false })
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<List<'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<List<'a>, Stop> {
        self.begin_object();
        self.key(Step::Field(variant))?;
        self.begin_list();
        Ok(List { meter: self, variant: true })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, Stop> {
        self.begin_object();
        Ok(Object { meter: self, variant: false, pending_key: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object<'a>, Stop> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'a>, Stop> {
        self.begin_object();
        self.key(Step::Field(variant))?;
        self.begin_object();
        Ok(Object { meter: self, variant: true, pending_key: None })
    }
}

/// A list being measured (a sequence, tuple or tuple variant).
struct List<'a> {
    meter: &'a mut Meter,
    /// A tuple variant: the list sits in a one-key object.
    variant: bool,
}

impl List<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        self.meter.item()?;
        value.serialize(&mut *self.meter)
    }

    fn finish(self) -> Result<(), Stop> {
        self.meter.end_list();
        if self.variant {
            self.meter.end_object();
        }
        Ok(())
    }
}

/// The four list traits differ only in their method's name.
macro_rules! list_traits {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for List<'_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
                self.element(value)
            }
            fn end(self) -> Result<(), Stop> {
                self.finish()
            }
        }
    )*};
}

list_traits!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being measured (a map, struct or struct variant).
struct Object<'a> {
    meter: &'a mut Meter,
    /// A struct variant: the object sits in a one-key object.
    variant: bool,
    /// A map key written but its value not yet (`serialize_key`).
    pending_key: Option<String>,
}

impl Object<'_> {
    fn finish(self) -> Result<(), Stop> {
        self.meter.end_object();
        if self.variant {
            self.meter.end_object();
        }
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Stop> {
        self.pending_key = Some(key.serialize(KeyName)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.pending_key.take().ok_or(Stop::Misshapen)?;
        self.meter.key(Step::Key(key))?;
        value.serialize(&mut *self.meter)
    }
    fn end(self) -> Result<(), Stop> {
        self.finish()
    }
}

/// A struct and a struct variant are measured alike: each field's name
/// goes on the path as it is.
macro_rules! struct_traits {
    ($($name:ident),*) => {$(
        impl ser::$name for Object<'_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
                self.meter.key(Step::Field(key))?;
                value.serialize(&mut *self.meter)
            }
            fn end(self) -> Result<(), Stop> {
                self.finish()
            }
        }
    )*};
}

struct_traits!(SerializeStruct, SerializeStructVariant);

/// A map key as the text JSON writes: strings as they are, integers and
/// booleans quoted (as serde_json does); anything else cannot be a key.
struct KeyName;

impl ser::Serializer for KeyName {
    type Ok = String;
    type Error = Stop;
    type SerializeSeq = Impossible<String, Stop>;
    type SerializeTuple = Impossible<String, Stop>;
    type SerializeTupleStruct = Impossible<String, Stop>;
    type SerializeTupleVariant = Impossible<String, Stop>;
    type SerializeMap = Impossible<String, Stop>;
    type SerializeStruct = Impossible<String, Stop>;
    type SerializeStructVariant = Impossible<String, Stop>;

    fn serialize_str(self, v: &str) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<String, Stop> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<String, Stop> {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_f64(self, _v: f64) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_none(self) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_unit(self) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop::Misshapen)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop::Misshapen)
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

    proptest! {
        /// The word-at-a-time scan finds what the byte-by-byte one finds.
        #[test]
        fn the_word_scan_finds_the_first_special_byte(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{2028}-\u{202e}\"\\\\]){0,40}") {
            prop_assert_eq!(first_special(s.as_bytes()), s.bytes().position(special));
        }

        /// The count is what `serde_json::to_vec` writes, to the byte.
        #[test]
        fn the_count_is_serde_json_s_length(v in card_like()) {
            let exact = serde_json::to_vec(&v).unwrap().len();
            prop_assert_eq!(measure(&v, usize::MAX, usize::MAX, usize::MAX), Size::Within(exact));
        }
    }

    /// Every shape serde derives: options, unit, newtype, tuple and struct
    /// variants, maps with string and integer keys, tuples, escapes.
    #[test]
    fn every_serde_shape_is_counted_like_serde_json() {
        #[derive(Serialize)]
        enum Kind {
            Unit,
            New(u32),
            Tuple(i8, String),
            Named { a: Option<bool>, b: Vec<u16> },
        }
        #[derive(Serialize)]
        struct Inner(u64);
        #[derive(Serialize)]
        struct Card {
            rule: &'static str,
            kinds: Vec<Kind>,
            keyed: std::collections::BTreeMap<u32, Inner>,
            named: std::collections::BTreeMap<String, ()>,
            pair: (char, i64),
            text: String,
            none: Option<String>,
            float: f64,
        }
        let card = Card {
            rule: "RT-A1",
            kinds: vec![
                Kind::Unit,
                Kind::New(7),
                Kind::Tuple(-12, "a\"b\\c\u{1}".into()),
                Kind::Named { a: Some(false), b: vec![0, 65535] },
            ],
            keyed: [(3, Inner(u64::MAX)), (40, Inner(0))].into_iter().collect(),
            named: [("x\ny".to_string(), ())].into_iter().collect(),
            pair: ('é', i64::MIN),
            text: "één \t twee".into(),
            none: None,
            float: 1.5,
        };
        let exact = serde_json::to_vec(&card).unwrap().len();
        assert_eq!(measure(&card, usize::MAX, usize::MAX, usize::MAX), Size::Within(exact));
        // The strict pass refuses the control characters in it.
        assert_eq!(measure_clean(&card, usize::MAX, usize::MAX, usize::MAX), Size::Misshapen);
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
