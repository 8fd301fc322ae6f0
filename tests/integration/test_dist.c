/* test_dist.c — what `make install` and the .deb ship beside the binary
 * keep up with the program: luat-search(1) documents every command and
 * every option the --help texts name, and renders without a groff warning;
 * the bash completion offers each command and each command's options; one
 * version string (VERSION = --version = debian/changelog). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/test_support.h"

/* The whole of a file under the root (malloc'ed), or a test failure. */
static char *slurp(const char *relative)
{
    FILE *f = fopen(ts_path(relative), "rb");
    if (!f) fail_msg("cannot read %s", ts_path(relative));
    char *s = NULL;
    size_t n = 0, cap = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (n + 1 >= cap) s = realloc(s, cap = cap ? cap * 2 : 4096);
        s[n++] = (char)c;
    }
    fclose(f);
    if (!s) s = malloc(1);
    s[n] = '\0';
    return s;
}

/* The stdout of `luat-search ARGS` (malloc'ed); the status must be 0. */
static char *help_of(const char *args)
{
    char cmd[1024], *out, *err;
    snprintf(cmd, sizeof cmd, "'%s' %s", ts_bin(), args);
    int status = ts_run(cmd, NULL, &out, &err);
    if (status != 0) fail_msg("luat-search %s: status %d: %s", args, status, err);
    free(err);
    return out;
}

/* The commands listed under "commands:" of `luat-search --help`, as
 * space-separated words in out. */
static void commands(char *out, size_t cap)
{
    char *help = help_of("--help");
    const char *p = strstr(help, "\ncommands:\n");
    assert_non_null(p);
    out[0] = '\0';
    for (p = strchr(p + 1, '\n') + 1; p[0] == ' ' && p[1] == ' ' && p[2] != ' ';) {
        char word[64];
        if (sscanf(p, " %63s", word) == 1 && strlen(out) + strlen(word) + 2 < cap) {
            strcat(out, word);
            strcat(out, " ");
        }
        p = strchr(p, '\n');
        if (!p) break;
        p++;
    }
    free(help);
    assert_true(strlen(out) > 0);
}

/* The roff source with "\-" read as "-". */
static char *man_text(void)
{
    char *man = slurp("dist/luat-search.1");
    char *w = man;
    for (const char *r = man; *r; r++) {
        if (r[0] == '\\' && r[1] == '-') continue; /* drop the backslash */
        *w++ = *r;
    }
    *w = '\0';
    return man;
}

static void test_man_page_documents_every_command_and_option(void **state)
{
    (void)state;
    char cmds[512];
    commands(cmds, sizeof cmds);
    char *man = man_text();
    int missing = 0;
    for (char *cmd = strtok(cmds, " "); cmd; cmd = strtok(NULL, " ")) {
        char heading[96];
        snprintf(heading, sizeof heading, "\n.B %s ", cmd);
        if (!strstr(man, heading)) {
            fprintf(stderr, "luat-search(1) has no entry for the command '%s'\n", cmd);
            missing++;
        }
        char args[96];
        snprintf(args, sizeof args, "%s --help", cmd);
        char *help = help_of(args);
        for (const char *p = help; (p = strstr(p, "--"));) {
            size_t n = 2;
            while ((p[n] >= 'a' && p[n] <= 'z') || p[n] == '-') n++;
            char opt[64];
            snprintf(opt, sizeof opt, "%.*s", (int)n, p);
            p += n;
            if (n <= 3) continue;
            /* an option is documented when the page names it as a word */
            int found = 0;
            for (const char *m = man; !found && (m = strstr(m, opt)); m += n)
                found = !((m[n] >= 'a' && m[n] <= 'z') || m[n] == '-');
            if (!found) {
                fprintf(stderr, "luat-search(1) does not mention %s (luat-search %s)\n", opt, cmd);
                missing++;
            }
        }
        free(help);
    }
    assert_non_null(strstr(man, "--version"));
    assert_non_null(strstr(man, ".SH EXIT STATUS"));
    assert_non_null(strstr(man, ".SH ENVIRONMENT"));
    assert_non_null(strstr(man, ".SH FILES"));
    assert_non_null(strstr(man, ".SH EXAMPLES"));
    free(man);
    assert_int_equal(missing, 0);
}

static void test_man_page_renders_without_warnings(void **state)
{
    (void)state;
    char cmd[1024], *out, *err;
    snprintf(cmd, sizeof cmd, "groff -ww -z -man '%s'", ts_path("dist/luat-search.1"));
    int status = ts_run(cmd, NULL, &out, &err);
    if (status == 127) fail_msg("groff is missing (scripts/install-deps installs groff-base)");
    if (status != 0 || err[0]) fail_msg("groff -ww -z -man: status %d: %s", status, err);
    free(out);
    free(err);
}

static void test_bash_completion_offers_commands_and_options(void **state)
{
    (void)state;
    const char *lib = "/usr/share/bash-completion/bash_completion";
    FILE *f = fopen(lib, "r");
    if (!f) fail_msg("%s is missing (scripts/install-deps installs bash-completion)", lib);
    fclose(f);
    /* complete `luat-search WORD...` with the program at ts_bin() first on PATH */
    char script[4096];
    snprintf(script, sizeof script,
             "source %s; source '%s'; d=$(mktemp -d); ln -s '%s' \"$d/luat-search\"; "
             "PATH=\"$d:$PATH\"; t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($#-1)); "
             "COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); "
             "_luat_search luat-search \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\"; "
             "echo \"${COMPREPLY[*]}\"; }; ",
             lib, ts_path("dist/luat-search.bash-completion"), ts_bin());
    char cmds[512];
    commands(cmds, sizeof cmds);
    char line[8192], *out, *err;
    snprintf(line, sizeof line, "bash -c '%s t luat-search \"\"; rm -r \"$d\"'", script);
    /* the script holds no single quote but the paths' (test paths have none) */
    assert_int_equal(ts_run(line, NULL, &out, &err), 0);
    for (char *cmd = strtok(cmds, " "); cmd; cmd = strtok(NULL, " ")) {
        char word[80];
        snprintf(word, sizeof word, "%s ", cmd);
        if (!strstr(out, word) && strcmp(out + strlen(out) - strlen(cmd) - 1, cmd))
            fail_msg("completion of 'luat-search ' lacks %s: %s", cmd, out);
    }
    free(out);
    free(err);
    const char *cases[][2] = {{"serve --", "--listen"}, {"index --", "--batch-size"},
                              {"review --", "--as-of"}, {"index --format \"\"", "phapdien"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(line, sizeof line, "bash -c '%s t luat-search %s; rm -r \"$d\"'", script,
                 cases[i][0]);
        assert_int_equal(ts_run(line, NULL, &out, &err), 0);
        if (!strstr(out, cases[i][1]))
            fail_msg("completion of 'luat-search %s' lacks %s: '%s' %s", cases[i][0],
                     cases[i][1], out, err);
        free(out);
        free(err);
    }
}

static void test_one_version(void **state)
{
    (void)state;
    char *version = slurp("VERSION");
    version[strcspn(version, "\n")] = '\0';
    char *out = help_of("--version");
    char want[128];
    snprintf(want, sizeof want, "luat-search %s\n", version);
    assert_string_equal(out, want);
    char *changelog = slurp("debian/changelog");
    snprintf(want, sizeof want, "luat-search (%s) ", version);
    if (strncmp(changelog, want, strlen(want)) != 0)
        fail_msg("debian/changelog's first entry is not version %s", version);
    free(changelog);
    free(out);
    free(version);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_man_page_documents_every_command_and_option),
        cmocka_unit_test(test_man_page_renders_without_warnings),
        cmocka_unit_test(test_bash_completion_offers_commands_and_options),
        cmocka_unit_test(test_one_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
