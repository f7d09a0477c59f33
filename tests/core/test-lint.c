/* test-lint.c: tests for baken-bundle lint (baken_lint_source)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The good source tests/data/build/ has no issue at all. Each case copies it, changes one
 * thing, and checks that exactly the expected rule fires, at the expected place.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "baken-lint.h"

/* The fixture's newest assured_date is 2025-01-15. */
#define TODAY "2025-06-01"

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          copy_tree (src, dst);
        }
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (dst, contents, length, NULL));
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

typedef struct
{
  char *tmp;
  char *src;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);

  f->tmp = g_dir_make_tmp ("baken-lint-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->src = g_build_filename (f->tmp, "src", NULL);
  copy_tree (good, f->src);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->src);
}

/* Replaces the one occurrence of old in file with new; old NULL appends new. */
static void
edit (Fixture    *f,
      const char *file,
      const char *old,
      const char *new)
{
  g_autofree char *path = g_build_filename (f->src, file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;

  if (old == NULL)
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      changed = g_strconcat (contents != NULL ? contents : "", new, NULL);
    }
  else
    {
      const char *hit;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      hit = strstr (contents, old);
      g_assert_nonnull (hit);
      g_assert_null (strstr (hit + 1, old));
      changed = g_strdup_printf ("%.*s%s%s", (int) (hit - contents), contents, new,
                                 hit + strlen (old));
    }

  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
}

static GPtrArray *
lint (const char *src,
      guint       max_age)
{
  BakenLintOptions options = { TODAY, max_age };
  g_autoptr(GError) error = NULL;
  GPtrArray *issues = baken_lint_source (src, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (issues);
  return issues;
}

static char *
issues_to_string (GPtrArray *issues)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = baken_lint_issue_to_string (g_ptr_array_index (issues, i), NULL);

      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The good fixture */

static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) issues = lint (f->src, 0);
  g_autofree char *text = issues_to_string (issues);

  g_assert_cmpstr (text, ==, "");
}

static void
test_demo (void)
{
  const char *demo = g_getenv ("BAKEN_DEMO_SOURCE");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (demo);
  issues = baken_lint_source (demo, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < issues->len; i++)
    {
      BakenLintIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *line = baken_lint_issue_to_string (issue, NULL);

      if (issue->severity == BAKEN_LINT_ERROR)
        g_error ("data/demo has a lint error: %s", line);
    }
}

static void
test_bad_today (void)
{
  BakenLintOptions options = { "2025-02-30", 0 };
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *issues = baken_lint_source (good, &options, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (issues);
}

/* Rules, each on a minimal bad variant */

typedef struct
{
  const char        *name;
  const char        *file;       /* the file to edit */
  const char        *old;        /* NULL: append */
  const char        *new;
  guint              max_age;
  const char        *expected;   /* the only issue, as baken_lint_issue_to_string gives it,
                                  * up to the message: "FILE:LINE:COL: error: " */
  const char        *rule;
  const char        *in_message; /* (nullable) a piece of the message */
} Case;

static const Case cases[] = {
  { "public-channel", "channels.csv", "Lees meer,,,1", "Lees meer,staff,,1", 0,
    "services.csv:5:1: error: ", "public-channel", "svc-huurtoeslag" },
  { "life-event-services", "services.csv", "svc-bijstand,org-gemeente,Bijstandsuitkering,active",
    "svc-bijstand,org-gemeente,Bijstandsuitkering,inactive", 0,
    "life_events.csv:5:1: error: ", "life-event-services", "le-inkomen" },
  { "dutch-text-description", "services.csv", "temporarily closed,Wij helpen u huurtoeslag aan te vragen.,",
    "temporarily closed,,", 0, "services.csv:5:5: error: ", "dutch-text", "svc-huurtoeslag" },
  { "dutch-text-translation", "translations.csv", NULL,
    "service,svc-schuldhulp,eligibility_description,en,Everyone\n", 0,
    "translations.csv:10:3: error: ", "dutch-text", "no Dutch eligibility_description" },
  { "sentence-length", "life_events.csv", "Hulp als u moeite heeft met rondkomen.",
    "Hulp als u moeite heeft met rondkomen omdat de rekeningen van deze maand en de vorige "
    "maand nog open staan.", 0, "life_events.csv:2:6: warning: ", "sentence-length", "20 words" },
  { "sentence-length-later-line", "life_events.csv", "Wij helpen u graag.",
    "Wij helpen u graag als u dat wilt en als u de rekeningen van deze maand niet meer kunt betalen.",
    0, "life_events.csv:4:8: warning: ", "sentence-length", "20 words" },
  { "word-length", "life_events.csv", "Hulp als u moeite heeft met rondkomen.",
    "Hulp bij schuldhulpverleningstrajecten.", 0, "life_events.csv:2:6: warning: ",
    "word-length", "29 letters" },
  { "jargon", "life_events.csv", "Hulp als u moeite heeft met rondkomen.",
    "Hulp indien u moeite heeft met rondkomen.", 0, "life_events.csv:2:6: warning: ", "jargon",
    "write \"als\" instead" },
  { "jargon-phrase", "services.csv", "Samen maken we een plan.",
    "Samen maken we een betalingsregeling.", 0, "services.csv:2:5: warning: ", "jargon",
    "afspraak om in delen te betalen" },
  { "abbreviation", "life_events.csv", "Hulp als u moeite heeft met rondkomen.",
    "Hulp o.a. bij rondkomen.", 0, "life_events.csv:2:6: warning: ", "abbreviation", "o.a." },
  { "tile-label", "life_events.csv", ",Weinig inkomen,", ",Ik heb te weinig inkomen,", 0,
    "life_events.csv:5:5: warning: ", "tile-label", "5 words" },
  { "phone", "phones.csv", "14 030", "030 123", 0, "phones.csv:4:3: error: ", "phone", "030 123" },
  { "phone-plus31-zero", "phones.csv", "14 030", "+31 (0)30 1234567", 0,
    "phones.csv:4:3: error: ", "phone", NULL },
  { "url-https", "organizations.csv", "https://teststad.example,", "http://teststad.example,", 0,
    "organizations.csv:2:4: warning: ", "url-https", "https://" },
  { "url-host", "organizations.csv", "https://teststad.example/schulden",
    "https://teststad..example/schulden", 0, "organizations.csv:3:4: error: ", "url", NULL },
  { "url-channel", "channels.csv", "https://teststad.example/chat", "http://teststad.example/chat", 0,
    "channels.csv:2:4: warning: ", "url-https", NULL },
  { "hours-long", "schedules.csv", "08:30,24:00", "06:00,24:00", 0,
    "schedules.csv:5:7: warning: ", "hours-long", "18 h 00 min on MO,TU,WE,TH,FR,SA,SU" },
  { "hours-holidays", "schedules.csv", "08:30,24:00", "00:00,24:00", 0,
    "schedules.csv:5:5: warning: ", "hours-holidays", "service svc-bijstand is open day and night" },
  { "hours-overlap", "schedules.csv", "13:00,16:30", "11:00,16:30", 0,
    "schedules.csv:3:6: warning: ", "hours-overlap", "on MO" },
  { "hours-overlap-overnight", "schedules.csv", NULL,
    "sch-nacht,ph-schuldhulp,,,SU,22:00,09:30,,\n", 0,
    "schedules.csv:6:6: warning: ", "hours-overlap", "on MO" },
  { "assured-date", "services.csv", "2025-01-15", "2024-01-15", 0,
    "services.csv:2:8: warning: ", "assured-date", "503 days ago" },
  { "assured-date-max-age", "services.csv", "Gratis,2025-01-15", "Gratis,2025-01-15", 30,
    "services.csv:2:8: warning: ", "assured-date", "(more than 30)" },
  { "assured-date-future", "services.csv", "2025-01-15", "2025-07-15", 0,
    "services.csv:2:8: warning: ", "assured-date", "in the future" },
  { "icon-unused", "icons/extra.svg", NULL,
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"/>\n", 0,
    "icons/extra.svg:1:1: warning: ", "icon-unused", "extra" },
  { "build", "channels.csv", "https://teststad.example/chat", "ftp://teststad.example/chat", 0,
    "channels.csv:2:4: error: ", "build", "not a web address" },
  /* The kiosk's icon limits: an icon 10^9 pixels wide passes the XML checks. */
  { "build-icon-limits", "icons/geld.svg", "width=\"48\"", "width=\"1000000000\"", 0,
    "icons/geld.svg:3:1: error: ", "build", "at most 4096 pixels" },
};

static void
test_case (Fixture       *f,
           gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *text = NULL;
  BakenLintIssue *issue;

  edit (f, c->file, c->old, c->new);
  issues = lint (f->src, c->max_age);
  text = issues_to_string (issues);
  g_test_message ("%s", text);

  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_true (g_str_has_prefix (text, c->expected));
  g_assert_cmpstr (issue->rule, ==, c->rule);
  if (c->in_message != NULL)
    g_assert_nonnull (strstr (issue->message, c->in_message));
}

/* Negative cases: plausible content that must stay quiet. */
static void
test_quiet (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *text = NULL;

  /* A line open day and night, a split-hours day, a number with hyphens, short
   * sentences with "9.00", a compound with a hyphen, "bezwaar te maken" (the plain
   * wording CONTENT.md suggests). */
  edit (f, "schedules.csv", "svc-bijstand,,08:30,24:00",
        "svc-bijstand,\"MO,TU,WE,TH,FR,SA,SU,PH\",00:00,24:00");
  edit (f, "phones.csv", "14 030", "0800-1234");
  edit (f, "life_events.csv", "Hulp als u moeite heeft met rondkomen.",
        "Wij zijn open vanaf 9.00 uur. U heeft tijd om bezwaar te maken. "
        "Neem uw schulden-overzicht mee!");

  issues = lint (f->src, 0);
  text = issues_to_string (issues);
  g_assert_cmpstr (text, ==, "");
}

typedef struct
{
  const char *number;
  gboolean    valid;
} PhoneCase;

static const PhoneCase phone_cases[] = {
  { "030 123 45 67", TRUE },
  { "06-12345678", TRUE },
  { "0800 1234", TRUE },
  { "0800 555 01 01", TRUE },
  { "0900 123 4567", TRUE },
  { "14 030", TRUE },
  { "14 0115", TRUE },
  { "+31 30 123 4567", TRUE },
  { "+31 800 1234", TRUE },
  { "+32 2 123 45 67", TRUE },
  { "112", TRUE },
  { "116 123", TRUE },
  { "030 123", FALSE },
  { "0301234567890", FALSE },
  { "030--1234567", FALSE },
  { "-030 1234567", FALSE },
  { "030 1234567 ", FALSE },
  { "(030) 1234567", FALSE },
  { "+31 (0)30 1234567", FALSE },
  { "+31 030 123 4567", FALSE },
  { "0031 30 123 4567", FALSE },
  { "14 30", FALSE },
  { "bel 030 1234567", FALSE },
  { "0800 12345", FALSE },
  { "", FALSE },
};

static void
test_phone_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      g_test_message ("%s", phone_cases[i].number);
      g_assert_cmpint (baken_lint_phone_is_valid (phone_cases[i].number), ==, phone_cases[i].valid);
    }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    {
      g_test_skip ("baken-bundle is not built");
      return;
    }

  /* Warnings only: exit 0, or 1 with --strict. */
  edit (f, "organizations.csv", "https://teststad.example,", "http://teststad.example,");
  {
    const char *argv[] = { tool, "lint", "--today", TODAY, f->src, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    expected = g_strdup_printf ("%s/organizations.csv:2:4: warning: website "
                                "\"http://teststad.example\" starts with http://; residents get "
                                "a safe connection only with https://, so use the https address "
                                "(url-https)\n0 errors, 1 warning\n", f->src);
    g_assert_cmpstr (out, ==, expected);
  }
  {
    const char *argv[] = { tool, "lint", "--strict", "--today", TODAY, f->src, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  }
  /* An error: exit 1; JSON output. */
  edit (f, "phones.csv", "14 030", "030 123");
  {
    const char *argv[] = { tool, "lint", "--format", "json", "--today", TODAY, f->src, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (out, "\"errors\" : 1"));
    g_assert_nonnull (strstr (out, "\"warnings\" : 1"));
    g_assert_nonnull (strstr (out, "\"rule\" : \"phone\""));
  }
  /* Wrong usage: exit 2. */
  {
    const char *argv[] = { tool, "lint", "--today", "yesterday", f->src, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/lint/good", Fixture, NULL, fixture_set_up, test_good, fixture_tear_down);
  g_test_add ("/core/lint/quiet", Fixture, NULL, fixture_set_up, test_quiet, fixture_tear_down);
  g_test_add ("/core/lint/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/core/lint/demo", test_demo);
  g_test_add_func ("/core/lint/bad-today", test_bad_today);
  g_test_add_func ("/core/lint/phone-numbers", test_phone_numbers);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/lint/rule/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_case, fixture_tear_down);
    }

  return g_test_run ();
}
