//! `wegwijs schema`: the JSON Schema of the signal format, generated from the
//! Rust types so it cannot drift from what the host accepts.

use clap::Args;

/// Print the JSON Schema of the signal input format.
#[derive(Debug, Args)]
pub(crate) struct SchemaCommand {}

impl SchemaCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        println!("{}", serde_json::to_string_pretty(&wegwijs::signal_schema())?);
        Ok(crate::exit::OK)
    }
}
