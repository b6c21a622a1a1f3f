//! Cairn's Cairo 1 fixture generator.
//!
//! usage: cairn-cairo1-fixtures PROGRAMS_DIR FIXTURES_DIR
//!
//! For each `NAME.cairo` in PROGRAMS_DIR (a single-file crate with one `#[executable]` function;
//! its arguments, if any, in `NAME.args` as comma-separated felts), writes FIXTURES_DIR/NAME/:
//! - `NAME.executable.json`: the executable as `cairo-execute --build-only` and Scarb write it;
//! - `NAME.debug.json`: what a debugger needs and no released file carries (debug_file.rs), from
//!   this one compilation, with the Sierra debug annotations (`statements_code_locations` of
//!   cairo-coverage, `statements_functions` of cairo-profiler, cairo-debugger's `functions_info`
//!   and user types);
//! - `expected.json`: the run on the Rust VM (cairo-vm, as `cairo-execute` runs the bootloader
//!   entrypoint): status, output, panic data, steps, trace and memory digests;
//! - `trace.bin`, `memory.bin` when they are small.
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use cairo_lang_compiler::diagnostics::DiagnosticsReporter;
use cairo_lang_compiler::project::setup_project;
use cairo_lang_executable::compile::{
    CompileExecutableResult, ExecutableConfig, compile_executable_in_prepared_db, prepare_db,
};
use cairo_lang_executable::executable::{EntryPointKind, Executable, NOT_RETURNING_HEADER_SIZE};
use cairo_lang_execute_utils::{program_and_hints_from_executable, user_args_from_flags};
use cairo_lang_filesystem::ids::CrateInput;
use cairo_lang_runner::casm_run::format_for_panic;
use cairo_lang_runner::{Arg, CairoHintProcessor};
use cairo_lang_sierra_generator::debug_info::SerializableTypeNamesDebugInfo;
use cairn_cairo1_fixtures::debug_file::{debug_file, sha256};
use cairo_vm::cairo_run::{CairoRunConfig, cairo_run_program, write_encoded_memory, write_encoded_trace};
use cairo_vm::types::layout_name::LayoutName;
use num_bigint::BigInt;
use serde_json::{Value, json};

const COMPILER_VERSION: &str = "2.20.0";
const VM_VERSION: &str = "3.2.0";
const LAYOUT: LayoutName = LayoutName::all_cairo;
/// Files above this size are recorded by digest only.
const KEEP_BYTES: usize = 256 * 1024;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    anyhow::ensure!(args.len() == 3, "usage: {} PROGRAMS_DIR FIXTURES_DIR", args[0]);
    let programs = PathBuf::from(&args[1]);
    let fixtures = PathBuf::from(&args[2]);
    let mut names: Vec<PathBuf> = fs::read_dir(&programs)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "cairo"))
        .collect();
    names.sort();
    let mut failed = 0;
    for path in &names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        match generate(path, &name, &fixtures.join(&name)) {
            Ok(summary) => println!("{name}: {summary}"),
            Err(e) => {
                failed += 1;
                eprintln!("{name}: FAILED: {e:#}");
            }
        }
    }
    println!("cairo1 fixtures: {} programs, {} failed (compiler {COMPILER_VERSION}, cairo-vm {VM_VERSION})", names.len(), failed);
    if failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// The annotations name files by the absolute paths of this machine; fixtures are committed, so
/// they name the program as `programs/NAME.cairo` and corelib files as `corelib/src/...`.
fn relative_paths(value: &mut Value, program: &Path, name: &str) {
    let program = fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
    let program = program.to_string_lossy().to_string();
    let rewrite = |s: &str| -> Option<String> {
        if !Path::new(s).is_absolute() {
            return None;
        }
        if s == program || s.ends_with(&format!("/programs/{name}.cairo")) {
            return Some(format!("programs/{name}.cairo"));
        }
        s.find("/corelib/src/").map(|i| s[i + 1..].to_string())
    };
    match value {
        Value::String(s) => {
            if let Some(r) = rewrite(s) {
                *s = r;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| relative_paths(v, Path::new(&program), name)),
        Value::Object(map) => map.values_mut().for_each(|v| relative_paths(v, Path::new(&program), name)),
        _ => {}
    }
}

fn generate(path: &Path, name: &str, out: &Path) -> Result<String> {
    fs::create_dir_all(out)?;
    let config = ExecutableConfig { allow_syscalls: false, unsafe_panic: false, builtin_list: None };
    let mut db = prepare_db(&config)?;
    let inputs = setup_project(&mut db, path)?;
    let crate_ids = CrateInput::into_crate_ids(&db, inputs);
    let CompileExecutableResult { compiled_function, builder, debug_info } =
        compile_executable_in_prepared_db(&db, None, crate_ids, DiagnosticsReporter::stderr(), config)
            .with_context(|| format!("compiling {}", path.display()))?;
    let wrapper_len: usize =
        compiled_function.wrapper.header.iter().map(|insn| insn.body.op_size()).sum();
    let header_len = NOT_RETURNING_HEADER_SIZE + wrapper_len;
    let executable = Executable::new(compiled_function);
    fs::write(out.join(format!("{name}.executable.json")), serde_json::to_string(&executable)?)?;

    // The debug file: offsets and variable cells of this compilation, and its annotations.
    let locations = debug_info.statements_locations.extract_statements_source_code_locations(&db);
    let functions = debug_info.statements_locations.extract_statements_functions(&db);
    let mut annotations = cairo_lang_sierra::debug_info::Annotations::from(locations);
    annotations.extend(cairo_lang_sierra::debug_info::Annotations::from(functions));
    annotations.extend(cairo_lang_sierra::debug_info::Annotations::from(
        debug_info.functions_info.extract_serializable_debug_info(&db),
    ));
    annotations.extend(cairo_lang_sierra::debug_info::Annotations::from(
        SerializableTypeNamesDebugInfo::extract_type_names(&db, builder.sierra_program()),
    ));
    if std::env::var_os("CAIRN_WRITE_SIERRA").is_some() {
        // What Scarb writes beside the executable (`sierra = true`), for the debug-file helper's test.
        let artifact = cairo_lang_sierra::program::ProgramArtifact::stripped(builder.sierra_program().clone())
            .with_debug_info(cairo_lang_sierra::debug_info::DebugInfo { annotations: annotations.clone(), ..Default::default() });
        fs::write(out.join(format!("{name}.executable.sierra.json")), serde_json::to_string(&cairo_lang_sierra::program::VersionedProgram::from(artifact))?)?;
    }
    let mut debug = debug_file(&builder, header_len, &executable.program.bytecode, annotations, COMPILER_VERSION)?;
    relative_paths(&mut debug, path, name);
    fs::write(out.join(format!("{name}.debug.json")), serde_json::to_string(&debug)?)?;

    // Run the bootloader entrypoint as `cairo-execute` does (not proof mode).
    let entrypoint = executable
        .entrypoints
        .iter()
        .find(|e| e.kind == EntryPointKind::Bootloader)
        .context("no bootloader entrypoint")?;
    let (program, string_to_hint) = program_and_hints_from_executable(&executable, entrypoint)?;
    let args_path = path.with_extension("args");
    let arg_list: Vec<BigInt> = if args_path.exists() {
        fs::read_to_string(&args_path)?
            .split(',')
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<BigInt>().with_context(|| format!("bad argument {s}")))
            .collect::<Result<_>>()?
    } else {
        vec![]
    };
    let user_args = user_args_from_flags(None, &arg_list)?;
    let mut hint_processor = CairoHintProcessor {
        runner: None,
        user_args: vec![vec![Arg::Array(user_args)]],
        string_to_hint,
        starknet_state: Default::default(),
        run_resources: Default::default(),
        syscalls_used_resources: Default::default(),
        no_temporary_segments: false,
        markers: Default::default(),
        panic_traceback: Default::default(),
    };
    let run_config = CairoRunConfig {
        trace_enabled: true,
        relocate_mem: true,
        relocate_trace: true,
        layout: LAYOUT,
        proof_mode: false,
        ..Default::default()
    };
    let mut expected = json!({
        "name": name,
        "args": arg_list.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
        "layout": LAYOUT.to_str(),
        "entrypoint": "bootloader",
        "compiler_version": COMPILER_VERSION,
        "vm_version": VM_VERSION,
    });
    let e = expected.as_object_mut().unwrap();
    let summary;
    match cairo_run_program(&program, &run_config, &mut hint_processor) {
        Ok(mut runner) => {
            let mut output = String::new();
            runner.vm.write_output(&mut output)?;
            let steps = runner.vm.get_current_step();
            let mut trace = Vec::new();
            write_encoded_trace(runner.relocated_trace.as_ref().context("no trace")?, &mut trace)?;
            let mut memory = Vec::new();
            write_encoded_memory(&runner.relocated_memory, &mut memory)?;
            e.insert("status".into(), json!("ok"));
            e.insert("output".into(), json!(output.lines().collect::<Vec<_>>()));
            e.insert("steps".into(), json!(steps));
            e.insert("trace_sha256".into(), json!(sha256(&trace)));
            e.insert("trace_bytes".into(), json!(trace.len()));
            e.insert("memory_sha256".into(), json!(sha256(&memory)));
            e.insert("memory_bytes".into(), json!(memory.len()));
            let keep = trace.len() + memory.len() <= KEEP_BYTES;
            e.insert("files_included".into(), json!(keep));
            if keep {
                fs::write(out.join("trace.bin"), &trace)?;
                fs::write(out.join("memory.bin"), &memory)?;
            }
            summary = format!("ok, {steps} steps, output {:?}", output.lines().collect::<Vec<_>>());
        }
        Err(err) => {
            e.insert("status".into(), json!("error"));
            if let Some(panic_data) = hint_processor.markers.last() {
                e.insert("panic".into(), json!(format_for_panic(panic_data.iter().copied())));
                e.insert("panic_data".into(), json!(panic_data.iter().map(|f| f.to_string()).collect::<Vec<_>>()));
            }
            e.insert("error".into(), Value::String(format!("{err}")));
            summary = format!("error: {}", e.get("panic").and_then(|p| p.as_str()).unwrap_or("run failed"));
        }
    }
    fs::write(out.join("expected.json"), serde_json::to_string_pretty(&expected)? + "\n")?;
    Ok(summary)
}
