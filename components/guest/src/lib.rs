//! Guest support (being written).
#![no_std]
