//! Where a rule table comes from. The guidelines, laws and code lists behind
//! the tables are revised independently of the code, so every table of a
//! reference or region component names what it transcribes and which
//! version; a reason can then always be traced to the data that produced it.

use alloc::format;
use alloc::string::String;

/// Name and version of the guideline, law, code list or report a table
/// transcribes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSource {
    /// What the table transcribes: a guideline, a law and article, a code
    /// list, a research report or the project's own vocabulary.
    pub name: &'static str,
    /// Its version: year, edition, text in force, or the table's revision.
    pub version: &'static str,
}

impl TableSource {
    /// `name version`, as cited in reasons, on cards and in `VOCABULARY.md`.
    pub fn label(&self) -> String {
        format!("{} {}", self.name, self.version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_name_then_version() {
        let t = TableSource { name: "SDQ UK norms", version: "2016" };
        assert_eq!(t.label(), "SDQ UK norms 2016");
    }
}
