;;; emacs-dap.el --- Emacs dap-mode against `cairn dap', in batch mode  -*- lexical-binding: t -*-
;; Run by run-emacs.sh as `emacs --batch -l emacs-dap.el` (batch mode skips ~/.emacs; Debian's
;; site files load the elpa-* packages), with CAIRN_CLI (dist/cli.js) and CAIRN_EXAMPLES (the
;; examples folder) in the environment. The configuration is the one of docs/editors.md; then a
;; breakpoint, the stack, the variables, continue to the end.

(package-initialize)                    ; elpa-* packages, also when site files do not activate them
(require 'dap-mode)
(require 'dap-ui)                       ; dap-mode 0.7 reads `dap-exception-breakpoints' from it

(defvar cairn-cli (getenv "CAIRN_CLI"))
(defvar cairn-examples (getenv "CAIRN_EXAMPLES"))
(defvar cairn-stopped nil)
(defvar cairn-terminated nil)

(defun cairn-fail (fmt &rest args)
  (princ (format "emacs-dap: FAIL %s\n" (apply #'format fmt args)))
  (kill-emacs 1))

(defun cairn-wait (flag-fn what seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall flag-fn)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (unless (funcall flag-fn) (cairn-fail "no %s within %ss" what seconds))))

;; The adapter, as in docs/editors.md (with node and the built CLI instead of `cairn' on the PATH).
(dap-register-debug-provider
 "cairn"
 (lambda (conf)
   (plist-put conf :dap-server-path (list "node" cairn-cli "dap"))
   conf))

(add-hook 'dap-stopped-hook (lambda (_session) (setq cairn-stopped t)))
(add-hook 'dap-terminated-hook (lambda (_session) (setq cairn-terminated t)))

(let* ((src (expand-file-name "src/fib.cairo" cairn-examples))
       (line 15))
  (find-file src)
  (goto-char (point-min))
  (forward-line (1- line))
  (dap-breakpoint-add)
  (dap-debug (list :type "cairn"
                   :request "launch"
                   :name "Cairn: fib"
                   :program (expand-file-name "build/fib.json" cairn-examples)
                   :sourceRoot (expand-file-name "src" cairn-examples)
                   :layout "starknet_with_keccak"
                   :stopOnEntry :json-false))
  (cairn-wait (lambda () cairn-stopped) "stop at the breakpoint" 60)
  (let* ((session (dap--cur-session))
         (thread (dap--debug-session-thread-id session))
         (frames (gethash "stackFrames" (dap-request session "stackTrace" :threadId thread)))
         (top (and frames (seq-first frames))))
    (unless top (cairn-fail "empty stack"))
    (let ((file (gethash "path" (gethash "source" top)))
          (at (gethash "line" top)))
      (princ (format "emacs-dap: stopped at %s:%s in %s\n" (file-name-nondirectory file) at (gethash "name" top)))
      (unless (and (string-suffix-p "fib.cairo" file) (= at line))
        (cairn-fail "expected fib.cairo:%s" line)))
    (princ (format "emacs-dap: stack %s\n"
                   (mapconcat (lambda (f) (format "%s:%s" (gethash "name" f) (gethash "line" f))) frames " < ")))
    (let* ((scopes (gethash "scopes" (dap-request session "scopes" :frameId (gethash "id" top))))
           (names '()))
      (seq-doseq (scope scopes)
        (let ((vars (gethash "variables" (dap-request session "variables"
                                                      :variablesReference (gethash "variablesReference" scope)))))
          (seq-doseq (v vars)
            (push (format "%s=%s" (gethash "name" v) (gethash "value" v)) names))))
      (setq names (nreverse names))
      (princ (format "emacs-dap: variables %s\n" (string-join (seq-take names 8) ", ")))
      (unless (seq-find (lambda (n) (string-prefix-p "result=6765" n)) names)
        (cairn-fail "no variable result=6765 among %S" names)))
    (setq cairn-stopped nil)
    (dap-continue session thread)
    (cairn-wait (lambda () cairn-terminated) "end of the run" 60)
    (princ "emacs-dap: continued to the end, session terminated\n")
    (kill-emacs 0)))
