//! Cairn's Cairo 1 fixture generator.
//!
//! usage: cairn-cairo1-fixtures PROGRAMS_DIR FIXTURES_DIR
//!
//! For each `NAME.cairo` in PROGRAMS_DIR (a single-file crate with one `#[executable]` function;
//! its arguments, if any, in `NAME.args` as comma-separated felts), writes FIXTURES_DIR/NAME/:
//! - `NAME.executable.json`: the executable as `cairo-execute --build-only` and Scarb write it;
//! - `NAME.debug.json`: what a debugger needs and no released file carries: the bytecode offset
//!   of the compiled function (`header_len`), the CASM start offset of each Sierra statement,
//!   and the Sierra debug annotations (`statements_code_locations` of cairo-coverage,
//!   `statements_functions` of cairo-profiler), all from this one compilation;
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
use cairo_lang_casm::cell_expression::{CellExpression, CellOperator};
use cairo_lang_casm::operand::{CellRef, DerefOrImmediate, Register};
use cairo_lang_sierra::program::{GenBranchTarget, GenericArg, Statement};
use cairo_lang_sierra_generator::debug_info::SerializableTypeNamesDebugInfo;
use cairo_lang_sierra_to_casm::compiler::StatementKindDebugInfo;
use cairo_lang_sierra_to_casm::references::ReferenceExpression;
use cairo_vm::cairo_run::{CairoRunConfig, cairo_run_program, write_encoded_memory, write_encoded_trace};
use cairo_vm::types::layout_name::LayoutName;
use num_bigint::BigInt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

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

fn sha256(bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(bytes);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
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

    // Sierra statement -> CASM offset (relative to the compiled function, which starts at
    // header_len in the bytecode) and the source annotations of the same compilation.
    let statement_offsets: Vec<usize> = builder
        .casm_program()
        .debug_info
        .sierra_statement_info
        .iter()
        .map(|s| s.start_offset)
        .collect();
    let variables = statement_variables(&builder);
    let functions_info = cairo_lang_sierra::debug_info::Annotations::from(
        debug_info.functions_info.extract_serializable_debug_info(&db),
    );
    let type_names = cairo_lang_sierra::debug_info::Annotations::from(
        SerializableTypeNamesDebugInfo::extract_type_names(&db, builder.sierra_program()),
    );
    // As bytecode-digest.ts reads them: each felt in 0..P as 0x lowercase hex (immediates are
    // written signed in the executable).
    let prime = BigInt::parse_bytes(b"800000000000011000000000000000000000000000000000000000000000001", 16).unwrap();
    let bytecode: Vec<String> = executable
        .program
        .bytecode
        .iter()
        .map(|b| format!("{:#x}", ((b % &prime) + &prime) % &prime))
        .collect();
    let locations = debug_info.statements_locations.extract_statements_source_code_locations(&db);
    let functions = debug_info.statements_locations.extract_statements_functions(&db);
    let mut debug = json!({
        "compiler_version": COMPILER_VERSION,
        "header_len": header_len,
        "bytecode_sha256": sha256(bytecode.join(",").as_bytes()),
        "statement_offsets": statement_offsets,
        "statement_variables": variables,
        "annotations": {
            "github.com/software-mansion/cairo-coverage": {
                "statements_code_locations": serde_json::to_value(&locations.statements_to_code_location_map)?,
            },
            "github.com/software-mansion/cairo-profiler": {
                "statements_functions": serde_json::to_value(&functions.statements_to_functions_map)?,
            },
        },
        "sierra": builder.sierra_program().to_string(),
    });
    let annotations = debug["annotations"].as_object_mut().unwrap();
    for (key, value) in functions_info.into_iter().chain(type_names) {
        annotations.insert(key, value);
    }
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

/// `[ap+1]`, `[fp-3]`.
fn cell_ref(c: &CellRef) -> String {
    let reg = match c.register {
        Register::AP => "ap",
        Register::FP => "fp",
    };
    format!("[{reg}{:+}]", c.offset)
}

/// A cell of a variable as the Sierra-to-CASM compiler left it at that statement: `[ap+1]`,
/// `[[fp-3]+2]`, `5`, or an operation on cells not yet computed, `[ap+0] + [fp-4]`, `[fp-3] * 2`.
fn cell_expression(e: &CellExpression) -> String {
    match e {
        CellExpression::Deref(c) => cell_ref(c),
        CellExpression::DoubleDeref(c, k) => format!("[{}{k:+}]", cell_ref(c)),
        CellExpression::Immediate(v) => v.to_string(),
        CellExpression::BinOp { op, a, b } => {
            let op = match op {
                CellOperator::Add => "+",
                CellOperator::Sub => "-",
                CellOperator::Mul => "*",
                CellOperator::Div => "/",
            };
            let b = match b {
                DerefOrImmediate::Deref(c) => cell_ref(c),
                DerefOrImmediate::Immediate(v) => v.value.to_string(),
            };
            format!("{} {op} {b}", cell_ref(a))
        }
    }
}

fn variable(var: u64, ty: u64, expression: &ReferenceExpression) -> Value {
    json!([var, format!("[{ty}]"), expression.cells.iter().map(cell_expression).collect::<Vec<_>>()])
}

/// Per Sierra statement, the cells of the variables it takes (relative to ap and fp when it
/// starts) and, per branch, of those it defines (relative to ap when the branch's next statement
/// starts): what the debugger reads variables from. From the compiler's `sierra_statement_info`.
fn statement_variables(builder: &cairo_lang_runnable_utils::builder::RunnableBuilder) -> Vec<Value> {
    let program = builder.sierra_program();
    let info = &builder.casm_program().debug_info.sierra_statement_info;
    // The function a `function_call` libfunc calls: its arguments are the callee's parameters.
    let callees: std::collections::HashMap<u64, u64> = program
        .libfunc_declarations
        .iter()
        .filter(|d| d.long_id.generic_id.0 == "function_call")
        .filter_map(|d| match d.long_id.generic_args.first() {
            Some(GenericArg::UserFunc(f)) => Some((d.id.id, f.id)),
            _ => None,
        })
        .collect();
    program
        .statements
        .iter()
        .zip(info)
        .enumerate()
        .map(|(s, (statement, info))| match (statement, &info.additional_kind_info) {
            (Statement::Return(vars), StatementKindDebugInfo::Return(r)) => json!({
                "args": vars.iter().zip(&r.ref_values).map(|(v, r)| variable(v.id, r.ty.id, &r.expression)).collect::<Vec<_>>(),
            }),
            (Statement::Invocation(inv), StatementKindDebugInfo::Invoke(i)) => json!({
                "callee": callees.get(&inv.libfunc_id.id),
                "args": inv.args.iter().zip(&i.ref_values).map(|(v, r)| variable(v.id, r.ty.id, &r.expression)).collect::<Vec<_>>(),
                "branches": inv.branches.iter().zip(&i.result_branch_changes).map(|(b, changes)| json!({
                    "target": match b.target { GenBranchTarget::Fallthrough => s + 1, GenBranchTarget::Statement(t) => t.0 },
                    "results": b.results.iter().zip(&changes.refs).map(|(v, r)| variable(v.id, r.ty.id, &r.expression)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }),
            _ => json!({}),
        })
        .collect()
}
