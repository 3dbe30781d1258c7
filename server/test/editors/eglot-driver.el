;;; eglot-driver.el --- Emacs + Eglot driver for server/test/editors.test.ts  -*- lexical-binding: t -*-
;;
;; Run as  WINSOCK_LINT_PLAN=<plan.json> emacs --batch -l eglot-driver.el
;; (not -Q: Debian's elpa-eglot is put on the load path by /etc/emacs/site-start.d).
;; Visits the fixture copy, starts Eglot with the real server, waits for the diagnostics of the
;; buffer's current version in Flymake (`flymake-diagnostics'), applies one quick fix through
;; `eglot-code-actions' with kind "quickfix" (the interactive path, the prompt answered here), saves,
;; waits for the diagnostics of the new version and writes what it saw to plan.result as JSON.
;; Waiting is polling (`accept-process-output') with one generous deadline as a guard.

(require 'cl-lib)
(require 'json)
(require 'subr-x)
(require 'flymake)
(require 'eglot)

(setq make-backup-files nil
      auto-save-default nil
      create-lockfiles nil
      eglot-sync-connect t
      eglot-autoshutdown nil
      ;; Keep the server's `window/showMessage' etc. from prompting.
      eglot-confirm-server-initiated-edits nil)

(defvar wl-plan (let ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol))
                  (json-read-file (getenv "WINSOCK_LINT_PLAN"))))
(defun wl-plan (key) (alist-get key wl-plan))
(defvar wl-deadline (+ (float-time) (/ (wl-plan 'timeout_ms) 1000.0)))
(defvar wl-out (list (cons 'ok :json-false)))
(defvar wl-steps nil)
(defun wl-put (key value) (setf (alist-get key wl-out) value))
(defun wl-step (name) (push name wl-steps))

;; Which document version each publishDiagnostics was for (Eglot itself ignores the version).
(defvar wl-published nil "Version of the last publishDiagnostics for the fixture, or :none.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq wl-published (or (plist-get params :version) :none)))))

(defun wl-wait (what predicate)
  (while (not (funcall predicate))
    (when (> (float-time) wl-deadline) (error "Timed out waiting for %s" what))
    (accept-process-output nil 0.05)))

(defun wl-lsp-diag (diag)
  (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diag))))

(defun wl-position (pos)
  "Line (0-based) and column in characters of buffer position POS."
  (save-excursion
    (goto-char pos)
    (list (1- (line-number-at-pos pos t)) (- pos (line-beginning-position)))))

(defun wl-diagnostics ()
  (let (list)
    (dolist (d (flymake-diagnostics))
      (let* ((lsp (wl-lsp-diag d))
             (beg (wl-position (flymake-diagnostic-beg d)))
             (end (wl-position (flymake-diagnostic-end d)))
             (range (plist-get lsp :range)))
        (push `((code . ,(plist-get lsp :code))
                (message . ,(plist-get lsp :message))
                (text . ,(flymake-diagnostic-text d))
                (type . ,(symbol-name (flymake-diagnostic-type d)))
                (line . ,(nth 0 beg)) (column . ,(nth 1 beg))
                (end_line . ,(nth 0 end)) (end_column . ,(nth 1 end))
                ;; Eglot 1.9 declares codeDescriptionSupport false and Flymake has no field for a
                ;; link, but it keeps the whole LSP diagnostic, so the href is read from there.
                (href . ,(or (plist-get (plist-get lsp :codeDescription) :href) nil))
                (wire_range . ,(if range
                                   `((start . ((line . ,(plist-get (plist-get range :start) :line))
                                               (character . ,(plist-get (plist-get range :start) :character))))
                                     (end . ((line . ,(plist-get (plist-get range :end) :line))
                                             (character . ,(plist-get (plist-get range :end) :character)))))
                                 nil)))
              list)))
    (nreverse list)))

(defun wl-current-diagnostics (what)
  "Wait until the server published for the buffer's current version, then have Flymake report it."
  (wl-wait what (lambda () (equal wl-published eglot--versioned-identifier)))
  ;; Eglot hands the diagnostics to Flymake's report function (run Flymake so that there is one).
  (flymake-start)
  (wl-wait (concat what " in Flymake")
           (lambda () (memq 'eglot-flymake-backend (flymake-reporting-backends))))
  (wl-diagnostics))

(defun wl-main ()
  (let* ((file (wl-plan 'file))
         (server (wl-plan 'server))
         (target (wl-plan 'target))
         (buffer (find-file-noselect file)))
    (set-buffer buffer)
    (wl-put 'major_mode (symbol-name major-mode))
    (setq eglot-server-programs `(((c-mode c++-mode) . ,server)))
    (apply #'eglot (eglot--guess-contact))
    (wl-wait "Eglot to manage the buffer" (lambda () (and (eglot-current-server) eglot--managed-mode)))
    (wl-step "started")
    (wl-put 'server_position_encoding
            (or (plist-get (eglot--capabilities (eglot-current-server)) :positionEncoding) nil))
    (wl-put 'before (wl-current-diagnostics "the first diagnostics"))
    (wl-put 'version_before eglot--versioned-identifier)
    (wl-step "diagnostics")

    (let* ((code (alist-get 'code target))
           (line (alist-get 'line target))
           (col (alist-get 'col target))
           (title (alist-get 'title target))
           (diag (cl-find-if (lambda (d)
                               (and (equal (plist-get (wl-lsp-diag d) :code) code)
                                    (equal (wl-position (flymake-diagnostic-beg d)) (list line col))))
                             (flymake-diagnostics)))
           (offered nil)
           (version eglot--versioned-identifier))
      (unless diag (error "No %s diagnostic at %s:%s" code line col))
      (let ((beg (flymake-diagnostic-beg diag))
            (end (flymake-diagnostic-end diag)))
        ;; What a user gets offered for the diagnostic's region, kind quickfix.
        (wl-put 'actions (mapcar (lambda (a) `((title . ,(plist-get a :title))
                                               (kind . ,(or (plist-get a :kind) nil))
                                               (preferred . ,(if (eq (plist-get a :isPreferred) t) t :json-false))))
                                 (eglot-code-actions beg end "quickfix")))
        (goto-char beg)
        ;; The interactive path: the prompt (`completing-read' over the titles) is answered with the
        ;; plan's title; `last-nonmenu-event' not a list so that Eglot does not pop up a menu.
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (setq offered (mapcar #'car collection))
                     (if (member title offered) title (error "Quick fix %S not offered: %S" title offered)))))
          (let ((last-nonmenu-event ?\r))
            (eglot-code-actions beg end "quickfix" t))))
      (wl-put 'applied title)
      (wl-wait "the edit" (lambda () (/= eglot--versioned-identifier version)))
      (wl-step "fixed")
      (save-buffer)
      (wl-step "written")
      (wl-put 'after (wl-current-diagnostics "the diagnostics after the fix"))
      (wl-put 'version_after eglot--versioned-identifier)
      (wl-put 'ok t)
      (let ((server (eglot-current-server)))
        (eglot-shutdown server)))))

(let ((ok (condition-case err
              (progn (wl-main) t)
            (error (wl-put 'error (error-message-string err)) nil))))
  (wl-put 'steps (or (reverse wl-steps) []))
  (with-temp-file (wl-plan 'result)
    (let ((json-encoding-pretty-print nil))
      (insert (json-encode wl-out))))
  (kill-emacs (if ok 0 1)))
