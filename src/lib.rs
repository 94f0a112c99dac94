//! Marsad (مرصد): an Arabic-first research workbench for security and intelligence cooperation
//! between states.
//!
//! Layers, each importing only those above it in this list: [`model`] (domain types, no IO),
//! [`store`] (the only SQL), then the Arabic text engine, formats and the application.

pub mod app;
pub mod briefing;
pub mod cli;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod model;
pub mod paths;
pub mod sample;
pub mod scale;
pub mod store;
pub mod text;
pub mod ui;
pub mod viz;
