// A tiny shim over GNU readline for gloss.
//
// gloss_readline reads one line with readline's callback interface so that Ctrl-C
// (SIGINT) at the prompt abandons the line instead of ending the process.
#ifndef GLOSS_READLINE_SHIM_H
#define GLOSS_READLINE_SHIM_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

enum { GLOSS_LINE = 0, GLOSS_EOF = 1, GLOSS_INTERRUPTED = 2 };

static volatile sig_atomic_t gloss_sigint_seen = 0;
static char *gloss_pending_line = NULL;
static int gloss_line_ready = 0;

static void gloss_on_sigint(int signo) { (void)signo; gloss_sigint_seen = 1; }

/// Between prompts (while a command runs or a question is being shown), Ctrl-C is kept for
/// the next prompt instead of ending the process: that prompt then reads as interrupted, so
/// a second Ctrl-C pressed while gloss was still printing is not lost.
static inline void gloss_keep_sigint_for_the_prompt(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gloss_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // commands' reads and writes go on
    sigaction(SIGINT, &action, NULL);
}

static void gloss_line_handler(char *line) {
    gloss_pending_line = line;
    gloss_line_ready = 1;
    rl_callback_handler_remove();
}

/// Reads a line. Returns GLOSS_LINE and sets *out (to be freed with free()),
/// GLOSS_EOF on Ctrl-D or end of input, GLOSS_INTERRUPTED on Ctrl-C.
static inline int gloss_readline(const char *prompt, char **out) {
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = gloss_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: pselect() must return EINTR
    sigaction(SIGINT, &action, &previous);

    if (gloss_sigint_seen) { // pressed while gloss was busy: this prompt is interrupted
        gloss_sigint_seen = 0;
        FILE *stream = rl_outstream ? rl_outstream : stdout;
        fputs("^C\n", stream);
        fflush(stream);
        sigaction(SIGINT, &previous, NULL);
        *out = NULL;
        return GLOSS_INTERRUPTED;
    }
    gloss_pending_line = NULL;
    gloss_line_ready = 0;
    *out = NULL;
    rl_catch_signals = 0;
    rl_callback_handler_install(prompt, gloss_line_handler);

    int result = GLOSS_EOF;
    int fd = fileno(rl_instream ? rl_instream : stdin);
    // SIGINT stays blocked except inside pselect(), so a Ctrl-C that lands between the
    // prompt and the wait still wakes it instead of waiting for the next key.
    sigset_t blocked, original, waiting;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigprocmask(SIG_BLOCK, &blocked, &original);
    waiting = original;
    sigdelset(&waiting, SIGINT);
    for (;;) {
        if (gloss_line_ready) {
            result = gloss_pending_line ? GLOSS_LINE : GLOSS_EOF;
            *out = gloss_pending_line;
            break;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        int ready = gloss_sigint_seen ? -1 : pselect(fd + 1, &fds, NULL, NULL, NULL, &waiting);
        if (gloss_sigint_seen) {
            gloss_sigint_seen = 0; // this Ctrl-C is spent on this prompt
            FILE *stream = rl_outstream ? rl_outstream : stdout;
            fputs("^C\n", stream);
            fflush(stream);
            rl_replace_line("", 0);
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            result = GLOSS_INTERRUPTED;
            break;
        }
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) {
            rl_callback_handler_remove();
            result = GLOSS_EOF;
            break;
        }
        rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &original, NULL);
    sigaction(SIGINT, &previous, NULL);
    return result;
}

/// Lists whole-line candidates by their last part only: `show AI Safety` shows as `AI Safety`.
static void gloss_display_matches(char **matches, int count, int max_length) {
    (void)max_length;
    char **shown = (char **)calloc((size_t)count + 2, sizeof(char *));
    if (!shown) return;
    int longest = 0;
    for (int i = 0; i <= count; i++) {
        // A command candidate ends with its space ("stats "): it shows whole.
        const char *space = strchr(matches[i], ' ');
        shown[i] = (char *)(space && space[1] != '\0' && i > 0 ? space + 1 : matches[i]);
        int length = (int)strlen(shown[i]);
        if (i > 0 && length > longest) longest = length;
    }
    rl_display_match_list(shown, count, longest);
    rl_forced_update_display();
    free(shown);
}

/// Completion: gloss hands readline whole-line candidates.
typedef char **gloss_completion_fn(const char *text, int start, int end);

static inline void gloss_set_completion(gloss_completion_fn *fn) {
    rl_attempted_completion_function = fn;
    // The whole line is one "word": gloss completes multi-word terms itself.
    rl_completer_word_break_characters = (char *)"\n";
    rl_completion_append_character = '\0';
    rl_completion_display_matches_hook = gloss_display_matches;
    rl_variable_bind("completion-ignore-case", "on");
    rl_variable_bind("echo-control-characters", "off");
}

/// Builds a NULL-terminated, malloc'd list for readline: element 0 is the common prefix.
static inline char **gloss_matches_alloc(int count) {
    return (char **)calloc((size_t)count + 1, sizeof(char *));
}

/// The text of the line being edited.
static inline const char *gloss_line_buffer(void) { return rl_line_buffer ? rl_line_buffer : ""; }

static inline void gloss_set_name(const char *name) { rl_readline_name = name; }

static inline void gloss_suppress_default_completion(void) {
    rl_attempted_completion_over = 1;
}

#endif
