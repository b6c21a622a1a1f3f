//! Cairn's debug file for a Cairo 1 executable Scarb built: recompiles the Sierra Scarb wrote
//! beside it (`[[target.executable]] sierra = true` gives `target/dev/NAME.executable.sierra.json`)
//! with the published compiler crates, checks that the bytecode comes out equal to the
//! executable's, and writes `NAME.debug.json` (the statement offsets and variable cells of that
//! compilation, with the annotations Scarb's Sierra carries: turn on its debug info in Scarb.toml's
//! `[cairo]`: add-statements-code-locations-debug-info, add-statements-functions-debug-info,
//! add-functions-debug-info).
//!
//! usage: cairn-debug-file NAME.executable.sierra.json NAME.executable.json [NAME.debug.json]
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use cairn_cairo1_fixtures::debug_file::debug_file;
use cairo_lang_executable::compile::CompiledFunction;
use cairo_lang_executable::executable::{Executable, NOT_RETURNING_HEADER_SIZE};
use cairo_lang_runnable_utils::builder::{EntryCodeConfig, RunnableBuilder};
use cairo_lang_sierra::program::{Program, VersionedProgram};
use serde_json::Value;

const COMPILER_VERSION: &str = "2.20.0";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 || args.len() > 4 {
        bail!("usage: {} NAME.executable.sierra.json NAME.executable.json [NAME.debug.json]", args[0]);
    }
    let sierra_path = PathBuf::from(&args[1]);
    let exe_path = PathBuf::from(&args[2]);
    let out = match args.get(3) {
        Some(p) => PathBuf::from(p),
        None => {
            let name = exe_path.file_name().and_then(|n| n.to_str()).unwrap_or("program.executable.json");
            exe_path.with_file_name(format!("{}.debug.json", name.strip_suffix(".executable.json").unwrap_or(name)))
        }
    };
    let versioned: VersionedProgram = serde_json::from_str(&fs::read_to_string(&sierra_path).with_context(|| format!("reading {}", sierra_path.display()))?)
        .with_context(|| format!("{} is not a Sierra program", sierra_path.display()))?;
    let artifact = versioned.into_v1().with_context(|| format!("{}: unsupported Sierra version", sierra_path.display()))?;
    let executable: Executable = serde_json::from_str(&fs::read_to_string(&exe_path).with_context(|| format!("reading {}", exe_path.display()))?)
        .with_context(|| format!("{} is not an executable", exe_path.display()))?;
    // The Sierra text Cairn reads names everything by id: debug names (Scarb's replaced ids) go.
    let program = without_debug_names(&artifact.program)?;
    let annotations = artifact.debug_info.map(|d| d.annotations).unwrap_or_default();

    let builder = RunnableBuilder::new(program.clone(), None).map_err(|e| anyhow::anyhow!("compiling the Sierra: {e}"))?;
    // The executable's function is the first of the program (as Scarb compiles it); with or without syscalls.
    for allow_syscalls in [false, true] {
        let Ok(wrapper) = builder.create_wrapper_info(&program.funcs[0], EntryCodeConfig::executable(allow_syscalls, None)) else { continue };
        let wrapper_len: usize = wrapper.header.iter().map(|i| i.body.op_size()).sum();
        let header_len = NOT_RETURNING_HEADER_SIZE + wrapper_len;
        let compiled = Executable::new(CompiledFunction { program: builder.casm_program().clone(), wrapper });
        if compiled.program.bytecode != executable.program.bytecode {
            continue;
        }
        let debug = debug_file(&builder, header_len, &executable.program.bytecode, annotations, COMPILER_VERSION)?;
        fs::write(&out, serde_json::to_string(&debug)?).with_context(|| format!("writing {}", out.display()))?;
        println!("{}: {} Sierra statements, header {header_len} felts", out.display(), program.statements.len());
        return Ok(());
    }
    bail!(
        "{} does not compile to the bytecode of {} (another build, or another compiler than {COMPILER_VERSION}): rebuild with Scarb and try again",
        sierra_path.display(),
        exe_path.display()
    )
}

fn without_debug_names(program: &Program) -> Result<Program> {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("debug_name");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(program)?;
    strip(&mut v);
    Ok(serde_json::from_value(v)?)
}
