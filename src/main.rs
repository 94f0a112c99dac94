//! The `marsad` binary: parses the command line, sets up logging, and runs a command or the app.

use clap::Parser;
use marsad::cli::{Cli, CliError};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let db = match cli.db.clone().or_else(marsad::paths::default_store) {
        Some(p) => p,
        None => {
            return fail(&CliError::User(
                "no home directory found; pass --db PATH".into(),
            ));
        }
    };
    let result = match &cli.command {
        Some(command) => marsad::cli::run(command, &db, &mut std::io::stdout().lock()),
        None => {
            let tour = if cli.visit_all_views {
                marsad::app::Tour::AllViews
            } else if cli.exit_after_first_frame {
                marsad::app::Tour::FirstFrame
            } else {
                marsad::app::Tour::Off
            };
            marsad::app::run_gui_with(db, tour).map_err(|e| CliError::Internal(format!("{e:#}")))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(e: &CliError) -> ExitCode {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("marsad: {e}");
    }
    ExitCode::from(e.exit_code())
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(level)).init();
}
