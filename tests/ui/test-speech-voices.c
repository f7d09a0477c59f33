/* test-speech-voices.c: every spoken text in the voice of its language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content without a text in the screen's language falls back to Dutch. What "Lees voor"
 * says marks those parts as Dutch spans (baken-speech-span.h); the speaker hands them to
 * espeak-ng as SSML, each in its own voice. Checked on the spans themselves, on the
 * speech text of a hardly translated bundle (tests/data/build), and in espeak-ng: the
 * phonemes it says for a Dutch span inside Arabic are those of the Dutch voice, and
 * without the span the Arabic voice reads the Dutch as English.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"

#include "baken-content-build.h"
#include "baken-controls.h"
#include "baken-speaker-engine.h"
#include "baken-speaker.h"
#include "baken-speech-span.h"
#include "baken-speech-text.h"

#define SO "\x0e"
#define US "\x1f"
#define SI "\x0f"

static const char *
voice_of (const char *language)
{
  return baken_speaker_get_voice (language);
}

static void
test_marks (void)
{
  g_autofree char *marked = baken_speech_span_mark ("Gemeente Teststad", "nl", TRUE);
  g_autofree char *same = baken_speech_span_mark ("Gemeente Teststad", "nl", FALSE);
  g_autofree char *empty = baken_speech_span_mark ("", "nl", TRUE);
  g_autofree char *bad_code = baken_speech_span_mark ("x", "nl\">", TRUE);
  g_autofree char *text = g_strconcat ("بلدية ", marked, " & <1>.", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *ssml = NULL;

  g_assert_cmpstr (marked, ==, SO "nl" US "Gemeente Teststad" SI);
  g_assert_cmpstr (same, ==, "Gemeente Teststad");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (bad_code, ==, "x");
  g_assert_null (baken_speech_span_mark (NULL, "nl", TRUE));
  g_assert_true (baken_speech_span_has_any (text));
  g_assert_false (baken_speech_span_has_any (same));

  plain = baken_speech_span_strip (text);
  g_assert_cmpstr (plain, ==, "بلدية Gemeente Teststad & <1>.");
  ssml = baken_speech_span_to_ssml (text, voice_of);
  g_assert_cmpstr (ssml, ==,
                   "<speak>بلدية <voice name=\"nl\">Gemeente Teststad</voice> &amp; &lt;1&gt;."
                   "</speak>");
}

/* Marks that make no span (cut off, no language, a code that is no code, nested) are
 * dropped and their text kept: never markup, never a lost word. */
static void
test_broken_marks (void)
{
  static const struct {
    const char *text;
    const char *plain;
    const char *ssml;
  } cases[] = {
    { SO "nl" US "open", "nlopen", "<speak>nlopen</speak>" },
    { SO "nl open" SI, "nl open", "<speak>nl open</speak>" },
    { SO "n<l" US "x" SI, "n<lx", "<speak>n&lt;lx</speak>" },
    { "a" SI "b" US "c", "abc", "<speak>abc</speak>" },
    { SO "nl" US "a" SO "en" US "b" SI SI, "nlab",
      "<speak>nla<voice name=\"en\">b</voice></speak>" },
    { SO "xx" US "Hallo" SI, "Hallo", "<speak>Hallo</speak>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = baken_speech_span_strip (cases[i].text);
      g_autofree char *ssml = baken_speech_span_to_ssml (cases[i].text, voice_of);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (ssml, ==, cases[i].ssml);
    }
}

static char *
build_test_content (void)
{
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *dir = g_dir_make_tmp ("baken-speech-voices-XXXXXX", &error);
  char *out;

  g_assert_no_error (error);
  out = g_build_filename (dir, "content.sqlite", NULL);
  baken_content_build (source, out, &options, NULL, &error);
  g_assert_no_error (error);

  return out;
}

/* The service page of a bundle without Arabic: its Dutch texts are Dutch spans, the
 * screen's own words are not; in Dutch nothing is marked. */
static void
test_page_spans (void)
{
  g_autofree char *path = build_test_content ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenCatalog) catalog = baken_catalog_new_for_path (path, &error);
  g_autoptr(BakenConfig) config = baken_config_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 10, 0, 0);
  g_autofree char *arabic = NULL;
  g_autofree char *dutch = NULL;
  g_autofree char *services = NULL;

  g_assert_no_error (error);
  arabic = baken_speech_text_service (catalog, config, "ar", "svc-schuldhulp", now, &error);
  g_assert_no_error (error);
  g_test_message ("%s", arabic);
  g_assert_nonnull (strstr (arabic, SO "nl" US "Schuldhulp Teststad" SI ".\n"));
  g_assert_true (g_str_has_prefix (arabic, SO "nl" US "Schuldhulp Teststad" SI));

  dutch = baken_speech_text_service (catalog, config, "nl", "svc-schuldhulp", now, &error);
  g_assert_no_error (error);
  g_assert_false (baken_speech_span_has_any (dutch));
  g_assert_true (g_str_has_prefix (dutch, "Schuldhulp Teststad.\n"));

  services = baken_speech_text_services (catalog, config, "ar", "le-schulden", now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (services, SO "nl" US "Schuldhulp Teststad" SI));

  g_clear_object (&catalog);
  g_unlink (path);
  g_rmdir (dir);
}

static char *
phonemes_of (const char *text,
             const char *language)
{
  g_autoptr(GError) error = NULL;
  char *phonemes = baken_speaker_engine_dup_phonemes (text, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (phonemes);
  g_strstrip (phonemes);
  g_test_message ("%s in %s: %s", text, language, phonemes);

  return phonemes;
}

/* espeak-ng itself: the Dutch span inside Arabic is said as the Dutch voice says it, the
 * rest in Arabic; unmarked, the Arabic voice reads the Dutch as English. */
static void
test_voices (void)
{
  const char *dutch = "Gemeente Voorbeeldstad. Hulp bij schulden.";
  g_autofree char *span = baken_speech_span_mark (dutch, "nl", TRUE);
  g_autofree char *marked = g_strconcat (span, " مرحبا.", NULL);
  g_autofree char *unmarked = g_strconcat (dutch, " مرحبا.", NULL);
  g_autofree char *in_dutch = phonemes_of (dutch, "nl");
  g_autofree char *in_arabic = phonemes_of ("مرحبا.", "ar");
  g_autofree char *with_span = phonemes_of (marked, "ar");
  g_autofree char *without_span = phonemes_of (unmarked, "ar");
  g_autofree char *expected = g_strconcat (in_dutch, "\n", in_arabic, NULL);

  g_assert_cmpstr (with_span, ==, expected);
  g_assert_false (g_str_has_prefix (without_span, in_dutch));
  /* And a text without spans is not SSML: "<" is a word, not markup. */
  {
    g_autofree char *less = phonemes_of ("1 < 2", "nl");

    g_assert_cmpstr (less, !=, "");
    g_assert_null (strstr (less, "speak"));
  }
}

/* A control named by a label in Dutch on an Arabic screen (a tile whose title fell
 * back) says that label in the Dutch voice, and only that label. */
static void
test_control_names (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dutch = gtk_label_new ("Ik heb schulden");
  GtkWidget *arabic = gtk_label_new ("ديون");
  g_autofree char *said = NULL;
  g_autofree char *plain = NULL;

  gtk_box_append (GTK_BOX (box), dutch);
  gtk_box_append (GTK_BOX (box), arabic);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_window_set_child (GTK_WINDOW (window), button);
  baken_controls_set_language (dutch, "nl");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (dutch))
    g_main_context_iteration (NULL, TRUE);

  said = baken_controls_describe (button, 1, 2);
  g_assert_true (g_str_has_prefix (said, SO "nl" US "Ik heb schulden" SI ", ديون, "));
  baken_controls_set_language (dutch, NULL);
  plain = baken_controls_describe (button, 1, 2);
  g_assert_false (baken_speech_span_has_any (plain));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/speech-voices/marks", test_marks);
  g_test_add_func ("/speech-voices/broken-marks", test_broken_marks);
  g_test_add_func ("/speech-voices/page-spans", test_page_spans);
  g_test_add_func ("/speech-voices/voices", test_voices);
  g_test_add_func ("/speech-voices/control-names", test_control_names);

  return g_test_run ();
}
