//! Cairn's debug file of a Cairo 1 executable (`NAME.debug.json`): what a debugger needs and no
//! released file carries, from the Sierra-to-CASM compilation that made the executable:
//! - `header_len`: where the compiled function starts in the bytecode;
//! - `bytecode_sha256`: which bytecode it describes (each felt in 0..P as 0x lowercase hex, joined
//!   by commas), so a debugger can refuse another executable's;
//! - `statement_offsets`: the CASM offset of each Sierra statement (relative to header_len);
//! - `statement_variables`: per statement, the cells of the variables it takes (relative to ap and
//!   fp when it starts) and, per branch, of those it defines (relative to ap when the branch's
//!   target starts), its libfunc's generic name and a `function_call`'s callee;
//! - `annotations`: the Sierra debug annotations given; `sierra`: the Sierra text (ids only).
use anyhow::Result;
use cairo_lang_casm::cell_expression::{CellExpression, CellOperator};
use cairo_lang_casm::operand::{CellRef, DerefOrImmediate, Register};
use cairo_lang_runnable_utils::builder::RunnableBuilder;
use cairo_lang_sierra::debug_info::Annotations;
use cairo_lang_sierra::program::{GenBranchTarget, GenericArg, Statement};
use cairo_lang_sierra_to_casm::compiler::StatementKindDebugInfo;
use cairo_lang_sierra_to_casm::references::ReferenceExpression;
use num_bigint::BigInt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub fn sha256(bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(bytes);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest Cairn checks an executable against (bytecode-digest.ts reads it the same way;
/// immediates are written signed in the executable).
pub fn bytecode_digest(bytecode: &[BigInt]) -> String {
    let prime = BigInt::parse_bytes(b"800000000000011000000000000000000000000000000000000000000000001", 16).unwrap();
    let felts: Vec<String> = bytecode.iter().map(|b| format!("{:#x}", ((b % &prime) + &prime) % &prime)).collect();
    sha256(felts.join(",").as_bytes())
}

/// The debug file of the executable `bytecode` compiled by `builder` (its function at `header_len`).
pub fn debug_file(builder: &RunnableBuilder, header_len: usize, bytecode: &[BigInt], annotations: Annotations, compiler_version: &str) -> Result<Value> {
    let statement_offsets: Vec<usize> =
        builder.casm_program().debug_info.sierra_statement_info.iter().map(|s| s.start_offset).collect();
    let annotations: serde_json::Map<String, Value> = annotations.into_iter().collect();
    Ok(json!({
        "compiler_version": compiler_version,
        "header_len": header_len,
        "bytecode_sha256": bytecode_digest(bytecode),
        "statement_offsets": statement_offsets,
        "statement_variables": statement_variables(builder),
        "annotations": annotations,
        "sierra": builder.sierra_program().to_string(),
    }))
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
fn statement_variables(builder: &RunnableBuilder) -> Vec<Value> {
    let program = builder.sierra_program();
    let info = &builder.casm_program().debug_info.sierra_statement_info;
    // Each libfunc's generic name (`store_temp`, `dup`, `function_call`): what a statement does with its variables.
    let generics: std::collections::HashMap<u64, String> =
        program.libfunc_declarations.iter().map(|d| (d.id.id, d.long_id.generic_id.0.to_string())).collect();
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
                "libfunc": generics.get(&inv.libfunc_id.id),
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
