/* test-speech-facts.c: a service page heard: its facts and the monitor's questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The --kiosk window under Xvfb, speech mode switched on by a real keypad key (XTEST).
 * Every utterance handed to the speech queue is recorded. A service page read aloud
 * says who the service is for, what it costs and the wait (the facts box) where the
 * page shows them, and then what the monitor asks: "Heeft dit u geholpen?" with its
 * three answers and "Klopt er iets niet?". Moving onto the answers says the question
 * first; an answer is thanked aloud ("Dank u wel!"). In Arabic too, through "Lees voor".
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "ui-test-util.h"

#include "baken-catalog-services.h"
#include "baken-feedback.h"
#include "baken-service-facts.h"
#include "baken-speaker.h"

#define SERVICE "svc-schuldhulp"

/* In the language the kiosk shows now. */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

typedef struct
{
  BakenWindow *window;
  GPtrArray   *said;  /* (element-type utf8) */
} Ear;

static void
speaker_text_cb (BakenSpeaker *speaker,
                 GParamSpec   *pspec,
                 Ear          *ear)
{
  const char *text = baken_speaker_get_text (speaker);

  if (text == NULL)
    return;
  g_ptr_array_add (ear->said, g_strdup (text));
  g_test_message ("said: %s", text);
}

static const char *
last_said (Ear *ear)
{
  return ear->said->len > 0 ? g_ptr_array_index (ear->said, ear->said->len - 1) : "";
}

static gboolean
said_since (Ear        *ear,
            guint       from,
            const char *expected)
{
  for (guint i = from; i < ear->said->len; i++)
    if (strstr (g_ptr_array_index (ear->said, i), expected) != NULL)
      return TRUE;

  return FALSE;
}

static void
keys (Ear        *ear,
      const char *key)
{
  ui_test_send_keys (ear->window, key, NULL);
  ui_test_settle (ear->window);
}

static void
open_ear (Ear *ear)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n\n"
                                                      "[idle]\ntimeout = 600\n");

  ear->window = ui_test_window_new (config, TRUE, 1.0, 0, 0);
  ear->said = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (baken_window_get_speaker (ear->window), "notify::text",
                    G_CALLBACK (speaker_text_cb), ear);
}

static void
close_ear (Ear *ear)
{
  g_ptr_array_unref (ear->said);
  ui_test_window_destroy (ear->window);
}

static BakenService *
get_service (Ear        *ear,
             const char *language)
{
  BakenCatalog *catalog = baken_context_get_catalog (baken_window_get_context (ear->window));
  g_autoptr(GError) error = NULL;
  BakenService *service;

  service = baken_catalog_get_service (catalog, SERVICE, language, BAKEN_AUDIENCE_PUBLIC,
                                       &error);
  g_assert_no_error (error);

  return service;
}

/* Where text has part, or a failure that shows both. */
static const char *
find (const char *text,
      const char *part)
{
  const char *at = strstr (text, part);

  if (at == NULL)
    g_error ("“%s”\ndoes not contain\n“%s”", text, part);

  return at;
}

static void
down_to (Ear        *ear,
         const char *action,
         const char *target)
{
  for (guint i = 0; i < 40; i++)
    {
      if (ui_test_focus_is (ear->window, action, target))
        return;
      keys (ear, "KP_2");
    }

  g_error ("Down never reached %s %s", action, target != NULL ? target : "");
}

/* The facts in the page's order (after what the service helps with, before what to
 * expect), and the questions at the end. */
static void
assert_page_text (const char   *text,
                  BakenService *service)
{
  g_auto(GStrv) facts = baken_service_facts (service);
  g_autofree char *helped = g_strdup_printf ("%s\n%s.\n%s.\n%s.\n",
                                             T ("Heeft dit u geholpen?"), T ("Ja"),
                                             T ("Een beetje"), T ("Nee"));
  const char *at = find (text, service->description);

  /* svc-schuldhulp has an age, a cost and a wait. */
  g_assert_cmpuint (g_strv_length (facts), ==, 3);
  for (guint i = 0; facts[i] != NULL; i++)
    at = find (at, facts[i]);
  find (at, service->what_to_expect);
  at = find (at, helped);
  find (at, T ("Klopt er iets niet?"));
}

/* "Dank u wel!", then the focus said where it went: Printen, the service page's first. */
static void
assert_thanked_at_print (Ear *ear)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ear->window));
  g_autofree char *expected = g_strdup_printf ("Dank u wel!\n%s, knop, 1 van ", T ("Printen"));

  g_assert_true (GTK_IS_ACTIONABLE (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                   "kiosk.open-print");
  if (!g_str_has_prefix (last_said (ear), expected))
    g_error ("after an answer: “%s”, not “%s…”", last_said (ear), expected);
}

static void
test_dutch_by_keypad (void)
{
  Ear ear = { NULL };
  g_autoptr(BakenService) service = NULL;
  GtkWidget *feedback;
  guint from;

  open_ear (&ear);
  service = get_service (&ear, "nl");
  keys (&ear, "KP_Add");
  ui_test_activate (ear.window, "kiosk.open-service", g_variant_new_string (SERVICE));
  ui_test_assert_location (ear.window, "service:" SERVICE, 5000);

  /* Repeat held: the whole screen. */
  from = ear.said->len;
  ui_test_hold_key (ear.window, "KP_0", 1500);
  g_assert_cmpuint (ear.said->len, >, from);
  assert_page_text (last_said (&ear), service);

  /* Onto the answers: the question first, once. */
  down_to (&ear, "feedback.helped", "yes");
  if (!g_str_has_prefix (last_said (&ear), "Heeft dit u geholpen? Ja, knop, "))
    g_error ("the first answer without its question: “%s”", last_said (&ear));
  keys (&ear, "KP_2");
  if (!g_str_has_prefix (last_said (&ear), "Een beetje, knop, "))
    g_error ("the second answer: “%s”", last_said (&ear));

  /* An answer is thanked aloud, and nothing cuts that short: then where the focus went,
   * the page's first choice (not the scroller the answer leaves behind). */
  feedback = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (ear.window)),
                                      BAKEN_TYPE_FEEDBACK);
  g_assert_nonnull (feedback);
  keys (&ear, "KP_Enter");
  g_assert_true (baken_feedback_get_answered (BAKEN_FEEDBACK (feedback)));
  assert_thanked_at_print (&ear);

  /* "Klopt er iets niet?", then its reasons under their own question. */
  down_to (&ear, "feedback.open-reasons", NULL);
  g_assert_true (g_str_has_prefix (last_said (&ear), "Klopt er iets niet?, knop, "));
  from = ear.said->len;
  keys (&ear, "KP_Enter");
  g_assert_true (said_since (&ear, from, "Wat klopt er niet? Telefoonnummer, knop, "));
  {
    g_autofree char *text = baken_window_dup_speech_text (ear.window);

    find (find (text, "Wat klopt er niet?"), "Telefoonnummer.\nAdres.\n");
  }
  keys (&ear, "KP_Enter");
  assert_thanked_at_print (&ear);

  close_ear (&ear);
}

/* "Lees voor" on the bar, in Arabic: the same parts, in Arabic. */
static void
test_arabic_read_aloud (void)
{
  Ear ear = { NULL };
  g_autoptr(BakenService) service = NULL;
  g_autofree char *text = NULL;

  open_ear (&ear);
  ui_test_activate (ear.window, "kiosk.language", g_variant_new_string ("ar"));
  g_assert_cmpstr (baken_window_get_language (ear.window), ==, "ar");
  service = get_service (&ear, "ar");
  ui_test_activate (ear.window, "kiosk.open-service", g_variant_new_string (SERVICE));
  ui_test_assert_location (ear.window, "service:" SERVICE, 5000);
  ui_test_activate (ear.window, "a11y.read-aloud", NULL);

  text = baken_window_dup_speech_text (ear.window);
  g_test_message ("%s", text);
  g_assert_cmpstr (baken_speaker_get_language (baken_window_get_speaker (ear.window)), ==, "ar");
  g_assert_null (strstr (text, "Heeft dit u geholpen?"));
  assert_page_text (text, service);

  close_ear (&ear);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/nonvisual/service/dutch-by-keypad", test_dutch_by_keypad);
  g_test_add_func ("/nonvisual/service/arabic-read-aloud", test_arabic_read_aloud);

  return g_test_run ();
}
