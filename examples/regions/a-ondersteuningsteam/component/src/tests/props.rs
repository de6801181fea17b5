//! Property tests: over arbitrary cases run through the reference pipeline,
//! region A keeps the floors of `wegwijs_testkit::check_floors`: it never
//! touches a Veilig Thuis route, explains every change with a region rule
//! id, keeps the card well-formed, and never panics.

use proptest::prelude::*;

use super::{case, run};
use crate::RULE_IDS;

const SOURCES: &[&str] =
    &["parent", "youth", "jeugdverpleegkundige", "leerkracht", "mentor", "huisarts", "poh-jeugd", "kinderarts"];
const CONCERNS: &[&str] = &[
    "anxiety",
    "low-mood",
    "behaviour-problems",
    "hyperactivity",
    "parenting-stress",
    "language-delay",
    "learning-problems",
    "school-absence",
    "alcohol-use",
    "debts",
    "parental-addiction",
    "somatic-complaint",
    "growth-concern",
    "neglect",
    "domestic-violence",
];
const RISKS: &[&str] = &["parental-stress", "unwanted-pregnancy", "teenage-parent", "poverty", "domestic-violence"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn region_a_keeps_the_floors_and_explains_every_change(
        c in wegwijs_testkit::arbitrary_case(case, SOURCES, CONCERNS, RISKS)
    ) {
        wegwijs_testkit::check_floors(&run(&c), "REGIO-A-", "REGIO-A-NO-CHANGE", RULE_IDS)?;
    }
}
