//! One benchmark configuration of the Rust VM, as bench/bench.ts is one of Cairn:
//! `cairn-bench-rust-vm PROGRAM LAYOUT MODE RUNS` runs a warm-up then RUNS timed runs (RUNS = 0:
//! one run, no warm-up) and prints one JSON line. MODE is plain (no trace), trace (trace
//! recorded) or files (trace, then relocation and the trace and memory file bytes). The timed
//! part is the run only (initialize done, up to read_return_values), as in bench/bench.ts.
use std::time::Instant;

use cairo_vm::cairo_run::{write_encoded_memory, write_encoded_trace};
use cairo_vm::hint_processor::builtin_hint_processor::builtin_hint_processor_definition::BuiltinHintProcessor;
use cairo_vm::types::layout_name::LayoutName;
use cairo_vm::types::program::Program;
use cairo_vm::vm::runners::cairo_runner::CairoRunner;

struct Once {
    steps: usize,
    run: f64,
    cpu: f64,
    relocate: f64,
}

/** CPU time of this process so far (user + system), in seconds, from /proc (10 ms ticks). */
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start past the last ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    if f.len() < 13 {
        return 0.0;
    }
    (f[11] + f[12]) / 100.0
}

fn layout_of(name: &str) -> Result<LayoutName, String> {
    Ok(match name {
        "plain" => LayoutName::plain,
        "small" => LayoutName::small,
        "dex" => LayoutName::dex,
        "recursive" => LayoutName::recursive,
        "starknet" => LayoutName::starknet,
        "starknet_with_keccak" => LayoutName::starknet_with_keccak,
        "recursive_large_output" => LayoutName::recursive_large_output,
        "recursive_with_poseidon" => LayoutName::recursive_with_poseidon,
        "all_solidity" => LayoutName::all_solidity,
        "all_cairo" => LayoutName::all_cairo,
        other => return Err(format!("unknown layout {other}")),
    })
}

fn once(program: &Program, layout: LayoutName, mode: &str) -> Result<Once, String> {
    let trace = mode != "plain";
    let mut hints = BuiltinHintProcessor::new_empty();
    let mut runner = CairoRunner::new(program, layout, None, false, trace, false).map_err(|e| e.to_string())?;
    let end = runner.initialize(false).map_err(|e| e.to_string())?;
    let t0 = Instant::now();
    let c0 = cpu_seconds();
    runner.run_until_pc(end, &mut hints).map_err(|e| e.to_string())?;
    runner.end_run(false, false, &mut hints, false).map_err(|e| e.to_string())?;
    runner.read_return_values(false).map_err(|e| e.to_string())?;
    let run = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - c0;
    let mut relocate = 0.0;
    if mode == "files" {
        let t1 = Instant::now();
        runner.relocate(true, true).map_err(|e| e.to_string())?;
        let mut trace_bytes: Vec<u8> = Vec::new();
        let mut memory_bytes: Vec<u8> = Vec::new();
        write_encoded_trace(runner.relocated_trace.as_ref().ok_or("no trace")?, &mut trace_bytes).map_err(|e| e.to_string())?;
        write_encoded_memory(&runner.relocated_memory, &mut memory_bytes).map_err(|e| e.to_string())?;
        if trace_bytes.is_empty() || memory_bytes.is_empty() {
            return Err("empty files".into());
        }
        relocate = t1.elapsed().as_secs_f64();
    }
    Ok(Once { steps: runner.vm.get_current_step(), run, cpu, relocate })
}

/// Peak resident set of this process (VmHWM), in bytes.
fn peak_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: cairn-bench-rust-vm PROGRAM LAYOUT plain|trace|files [RUNS]");
        std::process::exit(2);
    }
    let runs: usize = args.get(4).and_then(|r| r.parse().ok()).unwrap_or(3);
    let result = (|| -> Result<String, String> {
        let layout = layout_of(&args[2])?;
        let bytes = std::fs::read(&args[1]).map_err(|e| e.to_string())?;
        let program = Program::from_bytes(&bytes, Some("main")).map_err(|e| e.to_string())?;
        let results: Vec<Once> = if runs == 0 {
            vec![once(&program, layout, &args[3])?]
        } else {
            once(&program, layout, &args[3])?; // warm-up
            (0..runs).map(|_| once(&program, layout, &args[3])).collect::<Result<_, _>>()?
        };
        let median = |f: &dyn Fn(&Once) -> f64| {
            let mut xs: Vec<f64> = results.iter().map(f).collect();
            xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
            xs[xs.len() / 2]
        };
        Ok(format!(
            "{{\"ok\":true,\"steps\":{},\"seconds\":{},\"cpuSeconds\":{},\"relocateSeconds\":{},\"peakBytes\":{}}}",
            results[0].steps,
            median(&|r| r.run),
            median(&|r| r.cpu),
            median(&|r| r.relocate),
            peak_bytes()
        ))
    })();
    match result {
        Ok(line) => println!("{line}"),
        Err(why) => println!("{{\"ok\":false,\"why\":{:?}}}", why.lines().next().unwrap_or("")),
    }
}
