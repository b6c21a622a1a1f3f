# Cairn's Python hint bridge: runs the hints Cairn has no TypeScript implementation for in the
# user's own cairo-lang, with the globals cairo-run gives a hint (vm_core.step). Memory,
# registers and segments stay in Cairn's VM: every read or write the hint makes is a blocking
# request to Cairn over two FIFOs (4-byte little-endian length + JSON), answered before the hint
# goes on. Values: a felt is a JSON int (a decimal string from 2^53 up), an address [segment,
# offset].
import builtins as _py_builtins
import dis
import io
import json
import math
import os
import struct
import sys
import traceback
import types

# ---- Channel ---------------------------------------------------------------------------------


class Channel:
    def __init__(self, rfd, wfd):
        self.rfd = rfd
        self.wfd = wfd

    def _read(self, n):
        parts = []
        while n > 0:
            b = os.read(self.rfd, n)
            if not b:
                sys.exit(0)  # Cairn closed its end: the run is over.
            parts.append(b)
            n -= len(b)
        return b"".join(parts)

    def send(self, obj):
        data = json.dumps(obj, separators=(",", ":")).encode()
        data = struct.pack("<I", len(data)) + data
        while data:
            data = data[os.write(self.wfd, data) :]

    def recv(self):
        (n,) = struct.unpack("<I", self._read(4))
        return json.loads(self._read(n))

    def call(self, obj):
        self.send(obj)
        return self.recv()


# cairo-lang is imported after the handshake opens the channel, so a missing install is
# reported over it rather than as a hang.
RelocatableValue = None
SAFE = 2**53


def enc(v):
    if isinstance(v, RelocatableValue):
        return [v.segment_index, v.offset]
    if isinstance(v, bool):
        return int(v)
    if -SAFE < v < SAFE:
        return v
    return str(v)


def dec(x):
    if x is None:
        return None
    if isinstance(x, list):
        return RelocatableValue(x[0], x[1])
    if isinstance(x, str):
        return int(x)
    return x


def enc_var(v, depth=0):
    """A scope variable for Cairn: plain data converts, anything else is shown by its repr."""
    if v is None:
        return {"n": 0}
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float) and math.isfinite(v):
        return {"f": v}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, RelocatableValue):
        return {"r": [v.segment_index, v.offset]}
    if depth < 3 and isinstance(v, (list, tuple)) and len(v) <= 10000:
        items = [enc_var(x, depth + 1) for x in v]
        if all("o" not in x for x in items):
            return {"l": items}
    if depth < 3 and isinstance(v, dict) and len(v) <= 10000 and all(isinstance(k, str) for k in v):
        items = {k: enc_var(x, depth + 1) for k, x in v.items()}
        if all("o" not in x for x in items.values()):
            return {"d": items}
    try:
        text = repr(v)
    except Exception as exc:  # a broken __repr__ must not break the run
        text = f"<{type(v).__name__}: repr failed: {exc}>"
    if len(text) > 2000:
        text = text[:2000] + "..."
    return {"o": text, "t": type(v).__name__}


def dec_var(x):
    if "i" in x:
        return int(x["i"])
    if "f" in x:
        return float(x["f"])
    if "b" in x:
        return x["b"]
    if "n" in x:
        return None
    if "s" in x:
        return x["s"]
    if "r" in x:
        return RelocatableValue(*x["r"])
    if "l" in x:
        return [dec_var(y) for y in x["l"]]
    if "d" in x:
        return {k: dec_var(y) for k, y in x["d"].items()}
    raise ValueError(f"Cannot decode scope value {x!r}")


class CairnVmError(Exception):
    """An error Cairn's VM raised for a request of the hint (a builtin's validation rule, ...)."""


# ---- Memory and segments served by Cairn ------------------------------------------------------


class RemoteCells:
    """MemoryDict's backend: cells live in Cairn. Memory is write-once, so a value read once is
    kept (not an address into a temporary segment: a relocation rule may move it)."""

    def __init__(self, ch):
        self.ch = ch
        self.cache = {}

    def remember(self, addr, v):
        if not (isinstance(v, RelocatableValue) and v.segment_index < 0):
            self.cache[addr] = v

    def fetch(self, addr):
        v = self.cache.get(addr)
        if v is not None:
            return v
        if not isinstance(addr, RelocatableValue):
            return None
        v = dec(self.ch.call({"op": "get", "a": enc(addr)})["v"])
        if v is not None:
            self.remember(addr, v)
        return v

    def get(self, addr, default=None):
        v = self.fetch(addr)
        return default if v is None else v

    def __getitem__(self, addr):
        v = self.fetch(addr)
        if v is None:
            raise KeyError(addr)
        return v

    def __contains__(self, addr):
        return self.fetch(addr) is not None

    def setdefault(self, addr, value):
        cur = self.cache.get(addr)
        if cur is not None:
            return cur
        if not isinstance(addr, RelocatableValue):
            raise CairnVmError(f"Memory address must be relocatable during a run, got {addr}.")
        r = self.ch.call({"op": "set", "a": enc(addr), "v": enc(value)})
        if "e" in r:
            raise CairnVmError(r["e"])
        if "c" in r:
            cur = dec(r["c"])
            self.remember(addr, cur)
            return cur
        self.remember(addr, value)
        return value

    __setitem__ = setdefault

    def _whole(self, *args):
        raise NotImplementedError("Cairn's Python hint bridge cannot list the whole memory.")

    items = keys = __iter__ = __len__ = _whole


def make_memory_classes():
    from starkware.cairo.lang.vm.memory_dict import MemoryDict
    from starkware.cairo.lang.vm.memory_segments import MemorySegmentManager

    class RemoteMemory(MemoryDict):
        def __init__(self, ch):
            self.ch = ch
            super().__init__(backend=lambda values: RemoteCells(ch))

        def add_relocation_rule(self, src_ptr, dest_ptr):
            assert src_ptr.segment_index < 0, f"src_ptr.segment_index must be < 0, src_ptr={src_ptr}."
            assert src_ptr.offset == 0, f"src_ptr.offset must be 0, src_ptr={src_ptr}."
            r = self.ch.call({"op": "rule", "src": enc(src_ptr), "dest": enc(dest_ptr)})
            assert "e" not in r, r.get("e")

        def get_range(self, addr, size):
            # One request for the whole range; any unknown cell falls back to the cell-by-cell
            # loop, which raises as cairo-lang does.
            cells = self.data
            if isinstance(addr, RelocatableValue) and isinstance(size, int) and 1 < size <= 1 << 20:
                got = self.ch.call({"op": "range", "a": enc(addr), "n": size})["v"]
                if all(x is not None for x in got):
                    out = [dec(x) for x in got]
                    for i, v in enumerate(out):
                        cells.remember(addr + i, v)
                    return [self.relocate_value(v) for v in out]
            return super().get_range(addr, size)

    class RemoteSegments(MemorySegmentManager):
        def __init__(self, memory, prime, ch):
            self.ch = ch
            super().__init__(memory=memory, prime=prime)

        @property
        def n_segments(self):
            return self.ch.call({"op": "nseg"})["n"]

        @n_segments.setter
        def n_segments(self, value):
            pass

        @property
        def n_temp_segments(self):
            return self.ch.call({"op": "nseg"})["t"]

        @n_temp_segments.setter
        def n_temp_segments(self, value):
            pass

        def add(self, size=None):
            r = self.ch.call({"op": "add", "n": size})
            return RelocatableValue(r["s"], 0)

        def add_temp_segment(self):
            r = self.ch.call({"op": "addtemp"})
            return RelocatableValue(r["s"], 0)

        def finalize(self, segment_index, size=None, public_memory=[]):
            self.ch.call({"op": "finalize", "s": segment_index, "n": size})
            self.public_memory_offsets[segment_index] = list(public_memory)

        def compute_effective_sizes(self, allow_tmp_segments=False):
            pass

        def get_segment_used_size(self, segment_index):
            return self.ch.call({"op": "size", "s": segment_index})["used"]

        def get_segment_size(self, segment_index):
            return self.ch.call({"op": "size", "s": segment_index})["size"]

        def load_data(self, ptr, data):
            # One request for the whole list when every value is a valid cell; Cairn stops at the
            # first write it cannot make, and the cell-by-cell loop then raises as cairo-lang does.
            data = list(data)
            start = 0
            ok = isinstance(ptr, RelocatableValue) and all(
                isinstance(v, RelocatableValue) or (isinstance(v, int) and v >= 0) for v in data
            )
            if ok and len(data) > 1:
                r = self.ch.call({"op": "load", "a": enc(ptr), "v": [enc(v) for v in data]})
                start = r["done"]
                cells = self.memory.data
                for i in range(start):
                    cells.remember(ptr + i, data[i])
            for i in range(start, len(data)):
                self.memory[ptr + i] = data[i]
            return ptr + len(data)

    return RemoteMemory, RemoteSegments


# ---- Which scope names a hint reads and writes (for Cairn's choice of what runs here) --------

STANDARD = {
    "ids", "memory", "segments", "ap", "fp", "pc", "current_step", "program_input",
    "vm_load_program", "vm_enter_scope", "vm_exit_scope", "PRIME", "fadd", "fsub", "fmul",
    "fdiv", "fpow", "fis_quad_residue", "fsqrt", "safe_div", "to_felt_or_relocatable",
    "builtin_runners", "is_accessed", "vm_add_auto_deduction_rule", "vm_add_validation_rule",
    "vm_ecdsa_additional_data", "__builtins__", "__name__", "__doc__",
} | set(dir(_py_builtins))


def scope_names(code):
    """(reads, writes): the scope names a hint may read before binding them itself, and those
    it binds. Import-bound names are written, never read."""
    reads, writes, imported, seen = set(), set(), set(), set()
    nested = []
    prev = None
    for ins in dis.get_instructions(code):
        if ins.opname in ("STORE_NAME", "STORE_GLOBAL", "DELETE_NAME", "DELETE_GLOBAL"):
            writes.add(ins.argval)
            if prev is not None and prev.opname in ("IMPORT_NAME", "IMPORT_FROM"):
                imported.add(ins.argval)
            seen.add(ins.argval)
        elif ins.opname in ("LOAD_NAME", "LOAD_GLOBAL"):
            if ins.argval not in seen:
                reads.add(ins.argval)
            seen.add(ins.argval)
        prev = ins
    stack = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    while stack:
        c = stack.pop()
        for ins in dis.get_instructions(c):
            if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and ins.argval not in writes:
                reads.add(ins.argval)
            elif ins.opname in ("STORE_GLOBAL", "DELETE_GLOBAL"):
                writes.add(ins.argval)
        stack.extend(x for x in c.co_consts if isinstance(x, types.CodeType))
    # '__dict_manager' not in globals(): a name tested through globals() is read too.
    for const in code.co_consts:
        if isinstance(const, str) and const in writes and "globals" in code.co_names:
            reads.add(const)
    return sorted((reads - imported) - STANDARD), sorted(writes - STANDARD)


# ---- The hint runner ---------------------------------------------------------------------------

OUTPUT_WRAPPERS = ("add_page", "add_attribute", "set_state", "new_state")


class Bridge:
    def __init__(self, ch):
        self.ch = ch
        self.hints = {}  # key "program:pc:index" -> (compiled, consts, program, pc, index)
        self.programs = []
        self.exec_scopes = []

    def init(self, msg):
        global RelocatableValue
        from starkware.cairo.lang.compiler.program import Program
        from starkware.cairo.lang.vm.relocatable import RelocatableValue as RV
        from starkware.cairo.lang.vm.cairo_runner import CairoRunner

        RelocatableValue = RV
        self.Program = Program
        RemoteMemory, RemoteSegments = make_memory_classes()
        program = Program.load(data=json.loads(msg["program"]))
        self.prime = program.prime
        self.memory_dict = RemoteMemory(self.ch)
        from starkware.cairo.lang.vm.validated_memory_dict import ValidatedMemoryDict

        self.memory = ValidatedMemoryDict(memory=self.memory_dict, prime=self.prime)
        self.segments = RemoteSegments(self.memory_dict, self.prime, self.ch)
        # cairo-run's builtin runners (their Python state: output pages, attributes), on the
        # segments Cairn gave them.
        from starkware.cairo.lang.instances import LAYOUTS

        # A layout this cairo-lang does not know (all_cairo before 0.14.1): its builtin runners
        # come from the dynamic layout, which has every builtin. The dynamic layout of a params
        # file is built as cairo-run builds it, so the runners have its ratios.
        layout = msg["layout"] if msg["layout"] in LAYOUTS else "dynamic"
        if msg.get("layoutParams") is not None:
            from starkware.cairo.lang.dynamic_layout_params import CairoLayoutParams

            layout = CairoLayoutParams(**msg["layoutParams"]).to_cairo_layout()
        # Cairn checked the program's builtins against the layout already.
        runner = CairoRunner(
            program=program,
            layout=layout,
            memory=self.memory_dict,
            proof_mode=bool(msg.get("proofMode")),
            allow_missing_builtins=True,
        )
        self.builtin_runners = runner.builtin_runners
        for name, r in self.builtin_runners.items():
            seg = msg["bases"].get(name)
            if seg is not None:
                r._base = RelocatableValue(seg, 0)
        ecdsa = self.builtin_runners.get("ecdsa_builtin")
        if ecdsa is not None:
            self.wrap_ecdsa(ecdsa)
        output = self.builtin_runners.get("output_builtin")
        if output is not None:
            self.wrap_output(output)
        self.ecdsa_additional_data = {}
        from starkware.python import math_utils

        p = self.prime
        self.static_locals = {
            "segments": self.segments,
            "PRIME": p,
            "fadd": lambda a, b, p=p: (a + b) % p,
            "fsub": lambda a, b, p=p: (a - b) % p,
            "fmul": lambda a, b, p=p: (a * b) % p,
            "fdiv": lambda a, b, p=p: math_utils.div_mod(a, b, p),
            "fpow": lambda a, b, p=p: pow(a, b, p),
            "fis_quad_residue": lambda a, p=p: math_utils.is_quad_residue(a, p),
            "fsqrt": lambda a, p=p: math_utils.sqrt(a, p),
            "safe_div": math_utils.safe_div,
            "to_felt_or_relocatable": RelocatableValue.to_felt_or_relocatable,
        }
        self.exec_scopes = [{"program_input": json.loads(msg["input"])}]
        self.pending_scope_ops = []
        names = self.load_program(program, RelocatableValue(0, 0), msg.get("want"))
        return {"op": "ready", "names": names, "version": sys.version.split()[0]}

    def wrap_ecdsa(self, ecdsa):
        ch = self.ch
        original = ecdsa.add_signature

        def add_signature(addr, signature):
            original(addr, signature)
            r = ch.call({"op": "sig", "a": enc(addr), "r": str(signature[0]), "s": str(signature[1])})
            if "e" in r:
                raise CairnVmError(r["e"])

        ecdsa.add_signature = add_signature

    def wrap_output(self, output):
        """The output builtin's pages and attributes live here (cairo-lang's checks run on them)
        and are mirrored in Cairn, which writes them into the PIE and the AIR public input: after
        each change, its whole state goes to Cairn. (A PIE's pages need no mirroring: a PIE's
        program has no hints.)"""
        ch = self.ch

        def send():
            attrs = []
            for k, v in output.attributes.items():
                try:
                    attrs.append([str(k), json.dumps(v)])
                except (TypeError, ValueError) as exc:
                    attrs.append([str(k), None, f"{type(exc).__name__}: {exc}"])
            pages = [[enc(i), enc(p.start), enc(p.size)] for i, p in output.pages.items()]
            r = ch.call({"op": "output", "base": enc(output.base), "pages": pages, "attributes": attrs})
            if "e" in r:
                raise CairnVmError(r["e"])

        originals = {name: getattr(output, name) for name in OUTPUT_WRAPPERS}

        def add_page(page_id, page_start, page_size):
            originals["add_page"](page_id, page_start, page_size)
            send()

        def add_attribute(attribute_name, attribute_value):
            originals["add_attribute"](attribute_name, attribute_value)
            send()

        def set_state(state):
            originals["set_state"](state)
            send()

        def new_state(base):
            originals["new_state"](base)
            send()

        output.add_page = add_page
        output.add_attribute = add_attribute
        output.set_state = set_state
        output.new_state = new_state

    def set_output(self, state):
        """The output builtin's state as Cairn has it (a TypeScript hint moved it: a bootloader
        running a task), set without the wrappers that send it back."""
        from starkware.cairo.lang.vm.output_builtin_runner import PublicMemoryPage

        output = self.builtin_runners.get("output_builtin")
        if output is None:
            return
        output._base = dec(state["base"])
        output.pages = {i: PublicMemoryPage(start=start, size=size) for i, start, size in state["pages"]}
        output.attributes = {k: json.loads(v) for k, v in state["attributes"]}

    def load_program(self, program, base, want=None):
        """Compiles a program's hints, as load_hints does. Returns each hint's scope names."""
        from starkware.cairo.lang.compiler.expression_evaluator import ExpressionEvaluator
        from starkware.cairo.lang.vm.vm_consts import VmConsts, VmConstsContext

        pid = len(self.programs)
        self.programs.append((program, base))
        prime = self.prime
        names = {}
        for pc, hints in program.hints.items():
            for index, hint in enumerate(hints):
                key = f"{pid}:{pc}:{index}"
                try:
                    compiled = compile(hint.code, f"<hint:{key}>", mode="exec")
                except (IndentationError, SyntaxError) as exc:
                    names[key] = {"compile": self.format_exception(exc, compiling=True)}
                    continue

                def consts(pc, ap, fp, memory, hint=hint):
                    return VmConsts(
                        context=VmConstsContext(
                            identifiers=program.identifiers,
                            evaluator=ExpressionEvaluator(prime, ap, fp, memory, program.identifiers).eval,
                            reference_manager=program.reference_manager,
                            flow_tracking_data=hint.flow_tracking_data,
                            memory=memory,
                            pc=pc,
                        ),
                        accessible_scopes=hint.accessible_scopes,
                    )

                self.hints[key] = (compiled, consts, program, pc, index)
                reads, writes = scope_names(compiled)
                names[key] = {"r": reads, "w": writes}
        return {"id": pid, "hints": names}

    def vm_load_program(self, program, program_address):
        base = program_address
        names = self.load_program(program, base)
        text = self.Program.Schema().dumps(program)
        r = self.ch.call({"op": "loadprog", "base": enc(base), "program": text, "names": names})
        if "e" in r:
            raise CairnVmError(r["e"])

    def load_task(self, msg):
        """A program a TypeScript hint loaded at a base (a bootloader's task): its hints' scope names."""
        program = self.Program.load(data=json.loads(msg["program"]))
        base = RelocatableValue(*msg["base"])
        return {"op": "loaded", "names": self.load_program(program, base)}

    def sync_scopes(self, ops):
        """Makes the scope stack mirror Cairn's: pop, then push the scopes Cairn entered."""
        pop = ops.get("pop", 0)
        if pop:
            del self.exec_scopes[len(self.exec_scopes) - pop :]
        for vars_ in ops.get("push", []):
            self.exec_scopes.append({k: dec_var(v) for k, v in vars_.items()})

    def enter_scope(self, new_scope_locals=None):
        if new_scope_locals is None:
            new_scope_locals = {}
        self.exec_scopes.append(new_scope_locals.copy())
        self.pending_scope_ops.append({"enter": {k: enc_var(v) for k, v in new_scope_locals.items()}})

    def exit_scope(self):
        assert len(self.exec_scopes) > 1, "Cannot exit main scope."
        self.exec_scopes.pop()
        self.pending_scope_ops.append({"exit": 1})

    def location(self, program, pc, index):
        di = program.debug_info
        loc = None if di is None else di.instruction_locations.get(pc)
        if loc is None or index >= len(loc.hints) or loc.hints[index] is None:
            return None
        return loc.hints[index]

    def fix(self, filename, lineno):
        """'<hint:KEY>' and a line in it -> the Cairo file and line, as HintException does."""
        if not (filename.startswith("<hint:") and filename.endswith(">")):
            return None
        h = self.hints.get(filename[6:-1])
        if h is None:
            return None
        hl = self.location(h[2], h[3], h[4])
        if hl is None:
            return None
        return hl.location.input_file.filename, lineno + hl.location.start_line + hl.n_prefix_newlines - 1

    def format_exception(self, exc, compiling=False):
        if compiling and isinstance(exc, (IndentationError, SyntaxError)):
            fixed = self.fix(str(exc.filename), exc.lineno or 0)
            if fixed is not None:
                exc = IndentationError(exc.msg, (fixed[0], fixed[1], exc.offset, exc.text))
        te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
        if te.stack and te.stack[0].filename == __file__:
            del te.stack[0]
        # The output builtin's wrappers are Cairn's, not in cairo-run's traceback.
        te.stack = traceback.StackSummary.from_list(
            [i for i in te.stack if not (i.filename == __file__ and i.name in OUTPUT_WRAPPERS)]
        )

        def replace(item):
            fixed = self.fix(item.filename, item.lineno)
            if fixed is None:
                return item
            return traceback.FrameSummary(filename=fixed[0], lineno=fixed[1], name=item.name)

        te.stack = traceback.StackSummary.from_list([replace(i) for i in te.stack])
        return "".join(te.format())

    def run_hint(self, msg):
        compiled, consts, _program, _pc, _index = self.hints[msg["k"]]
        self.sync_scopes(msg.get("scopes", {}))
        if "output" in msg:
            self.set_output(msg["output"])
        cells = self.memory_dict.data
        for a, v in msg.get("pre", []):
            cells.remember(RelocatableValue(a[0], a[1]), dec(v))
        exec_locals = self.exec_scopes[-1]
        before = dict(exec_locals)
        memory = self.memory
        exec_locals["memory"] = memory
        exec_locals["ap"] = ap = dec(msg["ap"])
        exec_locals["fp"] = fp = dec(msg["fp"])
        exec_locals["pc"] = pc = dec(msg["pc"])
        exec_locals["current_step"] = msg["step"]
        exec_locals["ids"] = consts(pc, ap, fp, memory)
        exec_locals["vm_load_program"] = self.vm_load_program
        exec_locals["vm_enter_scope"] = self.enter_scope
        exec_locals["vm_exit_scope"] = self.exit_scope
        exec_locals.update(self.static_locals)
        exec_locals["builtin_runners"] = self.builtin_runners
        exec_locals.update(self.builtin_runners)
        exec_locals["is_accessed"] = self.unsupported("is_accessed")
        exec_locals["vm_add_auto_deduction_rule"] = self.unsupported("vm_add_auto_deduction_rule")
        exec_locals["vm_add_validation_rule"] = self.unsupported("vm_add_validation_rule")
        exec_locals["vm_ecdsa_additional_data"] = self.ecdsa_additional_data
        self.pending_scope_ops = []
        out = io.StringIO()
        saved = sys.stdout
        sys.stdout = out
        failure = None
        try:
            exec(compiled, exec_locals)
        except Exception as exc:
            failure = exc
        finally:
            sys.stdout = saved
        for name in self.builtin_runners:
            exec_locals.pop(name, None)
        for name in list(self.static_locals) + [
            "builtin_runners", "vm_exit_scope", "vm_enter_scope", "vm_load_program", "ids",
            "memory", "is_accessed", "vm_add_auto_deduction_rule", "vm_add_validation_rule",
            "vm_ecdsa_additional_data",
        ]:
            exec_locals.pop(name, None)
        if failure is not None:
            return {"op": "error", "tb": self.format_exception(failure), "out": out.getvalue()}
        changed = {}
        for k, v in exec_locals.items():
            if k == "__builtins__" or k in ("ap", "fp", "pc", "current_step"):
                continue
            if k not in before or before[k] is not v:
                changed[k] = enc_var(v)
        deleted = [k for k in before if k not in exec_locals]
        return {"op": "done", "set": changed, "del": deleted, "scopes": self.pending_scope_ops, "out": out.getvalue()}

    def unsupported(self, name):
        def fail(*args, **kwargs):
            raise NotImplementedError(f"{name} is not available to hints run by Cairn's Python bridge.")

        return fail


def main():
    req, resp = sys.argv[1], sys.argv[2]
    # Own ends of the FIFOs, then drop the read-write descriptors Cairn passed (fd 3 and 4):
    # with them open this process would never see Cairn close its end.
    rfd = os.open(req, os.O_RDONLY)
    wfd = os.open(resp, os.O_WRONLY)
    os.close(3)
    os.close(4)
    ch = Channel(rfd, wfd)
    bridge = Bridge(ch)
    while True:
        msg = ch.recv()
        op = msg["op"]
        try:
            if op == "init":
                reply = bridge.init(msg)
            elif op == "hint":
                reply = bridge.run_hint(msg)
            elif op == "loadtask":
                reply = bridge.load_task(msg)
            elif op == "ping":
                reply = {"op": "pong"}
            elif op == "bye":
                return
            else:
                reply = {"op": "fail", "message": f"unknown request {op!r}"}
        except SystemExit:
            raise
        except BaseException:
            reply = {"op": "fail", "message": traceback.format_exc()}
        ch.send(reply)


if __name__ == "__main__":
    main()
