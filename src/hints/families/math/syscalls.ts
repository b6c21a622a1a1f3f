// StarkNet syscall hints (`syscall_handler.<name>(segments=segments, syscall_ptr=ids.syscall_ptr)`).
// `syscall_handler` is an exec-scope variable that only a StarkNet execution provides; plain
// cairo-run has none, so the reference raises NameError. Cairn does the same unless whoever
// runs the program puts a handler in the outermost scope: an object with one method per
// syscall, named as in Python (`call_contract`, `storage_read`, ...), called with
// `{ segments: Memory, syscall_ptr: Relocatable, ctx }`.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import { scopeGet } from '../../lib/py';
import * as C from './codes';

const SYSCALLS: [string, string][] = [
  [C.SYSCALL_CALL_CONTRACT, 'call_contract'],
  [C.SYSCALL_DEPLOY, 'deploy'],
  [C.SYSCALL_EMIT_EVENT, 'emit_event'],
  [C.SYSCALL_GET_BLOCK_NUMBER, 'get_block_number'],
  [C.SYSCALL_GET_BLOCK_TIMESTAMP, 'get_block_timestamp'],
  [C.SYSCALL_GET_CALLER_ADDRESS, 'get_caller_address'],
  [C.SYSCALL_GET_CONTRACT_ADDRESS, 'get_contract_address'],
  [C.SYSCALL_GET_SEQUENCER_ADDRESS, 'get_sequencer_address'],
  [C.SYSCALL_GET_TX_INFO, 'get_tx_info'],
  [C.SYSCALL_GET_TX_SIGNATURE, 'get_tx_signature'],
  [C.SYSCALL_LIBRARY_CALL, 'library_call'],
  [C.SYSCALL_LIBRARY_CALL_L1_HANDLER, 'library_call_l1_handler'],
  [C.SYSCALL_SEND_MESSAGE_TO_L1, 'send_message_to_l1'],
  [C.SYSCALL_STORAGE_READ, 'storage_read'],
  [C.SYSCALL_STORAGE_WRITE, 'storage_write'],
  [C.SYSCALL_DELEGATE_CALL, 'delegate_call'],
  [C.SYSCALL_DELEGATE_L1_HANDLER, 'delegate_l1_handler'],
  [C.SYSCALL_REPLACE_CLASS, 'replace_class'],
];

for (const [code, method] of SYSCALLS) {
  defineHint(code, (ctx) => {
    const handler = scopeGet<Record<string, unknown> | null>(ctx, 'syscall_handler');
    const fn = handler?.[method];
    if (typeof fn !== 'function') {
      throw new HintError('AttributeError', `'${handler === null ? 'NoneType' : 'SyscallHandler'}' object has no attribute '${method}'`);
    }
    const syscallPtr = ctx.ids.ptr('syscall_ptr');
    (fn as (args: object) => void).call(handler, { segments: ctx.mem, syscall_ptr: syscallPtr, ctx });
  });
}
