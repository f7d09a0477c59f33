/* test-nonvisual.c: the kiosk without sight, with the keypad only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A --kiosk window under Xvfb, driven only by real key events (xdotool, XTEST) of the
 * default [keypad] keys, as a USB keypad beside the screen sends them. Every utterance
 * handed to the speech queue (the window's BakenSpeaker, "text") is recorded; the
 * assertions read that transcript, as a resident would hear it. No audio is played
 * (BAKEN_SPEECH_OUTPUT=none): what is said is the point, not espeak-ng.
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "ui-test-util.h"

#include "baken-speaker.h"

/* 20 s × 0.25: the idle prompt after 5 s without a key (10 s in speech mode, × 2), the
 * reset 5 s later; the prompt is said again 5 s before the end, as it appears. */
#define IDLE_SCALE 0.25
static const char idle_config[] =
  "[idle]\ntimeout = 20\ncountdown = 20\n\n[keypad]\nspeech-time-factor = 2\n";

typedef struct
{
  GPtrArray *utterances;  /* (element-type utf8) */
} Transcript;

static void
speaker_text_cb (BakenSpeaker *speaker,
                 GParamSpec   *pspec,
                 Transcript   *transcript)
{
  const char *text = baken_speaker_get_text (speaker);

  if (text == NULL)
    return;
  g_ptr_array_add (transcript->utterances, g_strdup (text));
  g_test_message ("said: %s", text);
}

static const char *
last_said (Transcript *transcript)
{
  if (transcript->utterances->len == 0)
    return "";

  return g_ptr_array_index (transcript->utterances, transcript->utterances->len - 1);
}

static void
assert_said (Transcript *transcript,
             const char *expected)
{
  if (strstr (last_said (transcript), expected) == NULL)
    g_error ("expected “%s” in the last utterance “%s”", expected, last_said (transcript));
}

/* Real key presses, then the window's next frame. */
static void
keys (BakenWindow *window,
      const char  *key)
{
  ui_test_send_keys (window, key, NULL);
  ui_test_settle (window);
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (data);
}

/* Speech mode is read-aloud: the "Lees voor" button shows it (drawn or not: the idle
 * prompt hides it). */
static gboolean
speech_mode (BakenWindow *window)
{
  GtkWidget *toggle = ui_test_find_action_button (GTK_WIDGET (window), "a11y.read-aloud");

  if (toggle == NULL)
    g_error ("no \"Lees voor\" button on screen");

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

static gboolean
speech_mode_off (gpointer data)
{
  return !speech_mode (data);
}

typedef struct
{
  BakenWindow *window;
  const char  *prefix;
} LocationWait;

static gboolean
location_has_prefix (gpointer data)
{
  LocationWait *wait = data;
  g_autofree char *location = baken_window_dup_location (wait->window);

  return g_str_has_prefix (location, wait->prefix);
}

static char *
location_of (BakenWindow *window)
{
  return baken_window_dup_location (window);
}

static BakenWindow *
open_kiosk (Transcript *transcript)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_config);
  BakenWindow *window = ui_test_window_new (config, TRUE, IDLE_SCALE, 0, 0);

  g_assert_true (ui_test_wait (is_fullscreen, window, 5000));
  transcript->utterances = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (baken_window_get_speaker (window), "notify::text",
                    G_CALLBACK (speaker_text_cb), transcript);

  return window;
}

/* Home → a choice → back, the keypad only, in --kiosk mode; the idle reset ends it. */
static void
test_keypad_walk (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  g_autofree char *first = NULL;
  g_autofree char *home_count = NULL;
  g_autofree char *location = NULL;
  LocationWait away = { window, "event:" };
  guint n;

  /* Silent at rest, as any kiosk. */
  g_assert_false (speech_mode (window));
  g_assert_cmpuint (transcript.utterances->len, ==, 0);

  /* Help: speech mode on at once, where the resident is and how to move. */
  keys (window, "KP_Add");
  g_assert_true (speech_mode (window));
  assert_said (&transcript, "U bent op het beginscherm.");
  assert_said (&transcript, "Gebruik pijl omhoog en omlaag, en de groene knop om te kiezen.");
  {
    const char *said = strstr (last_said (&transcript), "Er zijn ");

    g_assert_nonnull (said);
    n = (guint) g_ascii_strtoull (said + strlen ("Er zijn "), NULL, 10);
    g_assert_cmpuint (n, >=, 2);
    home_count = g_strdup_printf ("Er zijn %u keuzes.", n);
  }

  /* Down: the first choice of Home, with its name, role and place. */
  keys (window, "KP_2");
  {
    g_autofree char *place = g_strdup_printf (", knop, 1 van %u", n);

    assert_said (&transcript, place);
    g_assert_true (g_str_has_suffix (last_said (&transcript), place));
    first = g_strndup (last_said (&transcript), strlen (last_said (&transcript)) - strlen (place));
    g_assert_cmpstr (first, !=, "");
  }
  keys (window, "KP_2");
  {
    g_autofree char *place = g_strdup_printf (", knop, 2 van %u", n);

    assert_said (&transcript, place);
  }
  /* Up, and Repeat says it again. */
  keys (window, "KP_8");
  assert_said (&transcript, first);
  n = transcript.utterances->len;
  keys (window, "KP_0");
  g_assert_cmpuint (transcript.utterances->len, ==, n + 1);
  g_assert_cmpstr (last_said (&transcript), ==,
                   g_ptr_array_index (transcript.utterances, n - 1));

  /* Enter opens it: the new screen says its title (the tile's name) and its choices,
   * and the focus is on the first of them. */
  keys (window, "KP_Enter");
  g_assert_true (ui_test_wait (location_has_prefix, &away, 3000));
  ui_test_settle (window);
  {
    g_autofree char *title = g_strdup_printf ("%s.", first);

    /* Then the page's heading, the question it asks. */
    if (!g_str_has_prefix (last_said (&transcript), title))
      g_error ("expected the screen's title “%s” first in “%s”", first, last_said (&transcript));
  }
  assert_said (&transcript, "Er zijn ");
  assert_said (&transcript, ", 1 van ");

  /* Back: Home again, said the same way. */
  keys (window, "KP_Subtract");
  location = location_of (window);
  g_assert_cmpstr (location, ==, "home");
  assert_said (&transcript, "Beginscherm.");
  assert_said (&transcript, home_count);

  /* The idle reset ends speech mode like every other setting; the next key starts it
   * again from the beginning. */
  g_assert_true (ui_test_wait (speech_mode_off, window, 20000));
  ui_test_settle (window);
  n = transcript.utterances->len;
  keys (window, "KP_2");
  g_assert_true (speech_mode (window));
  g_assert_cmpuint (transcript.utterances->len, ==, n + 1);
  assert_said (&transcript, "U bent op het beginscherm.");

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* The keypad's keys get through the kiosk's key filter, nothing else does: in speech
 * mode a shortcut says nothing, moves nothing and leaves nothing. */
static void
test_filter_still_locks (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  guint n;

  keys (window, "KP_Add");
  keys (window, "KP_2");
  g_assert_true (speech_mode (window));
  n = transcript.utterances->len;

  ui_test_send_keys (window, "alt+F4", "ctrl+alt+F2", "Escape", "F1", "F10", "F11", "super+q",
                     "ctrl+q", "ctrl+shift+i", "ctrl+KP_Add", "alt+KP_2", "ctrl+KP_Enter", NULL);
  ui_test_settle (window);
  g_assert_cmpuint (transcript.utterances->len, ==, n);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  {
    g_autofree char *location = location_of (window);

    g_assert_cmpstr (location, ==, "home");
  }

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

static gboolean
prompt_visible (gpointer data)
{
  return baken_window_get_idle_prompt_visible (data);
}

static guint
count_said (Transcript *transcript,
            const char *text)
{
  guint n = 0;

  for (guint i = 0; i < transcript->utterances->len; i++)
    if (strstr (g_ptr_array_index (transcript->utterances, i), text) != NULL)
      n++;

  return n;
}

typedef struct
{
  Transcript *transcript;
  const char *text;
  guint       n;
} SaidWait;

static gboolean
said_n_times (gpointer data)
{
  SaidWait *wait = data;

  return count_said (wait->transcript, wait->text) >= wait->n;
}

/* "Bent u er nog?" under the keypad: heard, said again near the end, focused, modal,
 * and the page under it hidden; speech mode waits longer before it comes. */
static void
test_idle_prompt (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  g_autofree char *first = NULL;
  g_autofree char *tile = NULL;
  SaidWait reminder = { &transcript, "Bent u er nog?", 2 };
  GtkWidget *focus;
  GtkWidget *more_time;

  keys (window, "KP_Add");
  keys (window, "KP_2");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  tile = g_strdup (strstr (last_said (&transcript), ", knop, 1 van ") != NULL
                   ? last_said (&transcript) : "");
  first = g_strndup (tile, strstr (tile, ", knop") - tile);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), first));

  /* Speech mode doubles the 5 s: at 7.5 s nobody is asked yet (a busy machine can only
   * make the prompt later, never earlier). */
  ui_test_run (7500);
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  g_assert_true (ui_test_wait (prompt_visible, window, 10000));
  ui_test_settle (window);

  /* Heard in the resident's language, with the way out. */
  assert_said (&transcript, "Bent u er nog?");
  assert_said (&transcript, "Over 20 seconden gaat het scherm terug naar het begin.");
  assert_said (&transcript, "Ja, ik wil meer tijd");
  /* Focused on "Ja, ik wil meer tijd"; the page under it is not drawn. */
  more_time = ui_test_find_action_button (GTK_WIDGET (window), "kiosk.more-time");
  g_assert_nonnull (more_time);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == more_time);
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), first));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), "Lees voor"));

  /* Said again 5 s before the end. */
  g_assert_true (ui_test_wait (said_n_times, &reminder, 10000));
  assert_said (&transcript, "Over 5 seconden");
  g_assert_true (baken_window_get_idle_prompt_visible (window));

  /* Enter gives more time and never reaches the tile under the prompt: Home stays, the
   * focus is back on the tile and says so. */
  keys (window, "KP_Enter");
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  {
    g_autofree char *location = location_of (window);

    g_assert_cmpstr (location, ==, "home");
  }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), first));
  ui_test_run (200);
  assert_said (&transcript, tile);

  /* Any other key under the prompt is "I am still here" too, and no more: Down does not
   * move on to the next tile. (KP_Down: xdotool would press Num Lock before KP_2, and
   * that first key alone is the "still here".) */
  g_assert_true (ui_test_wait (prompt_visible, window, 20000));
  ui_test_settle (window);
  keys (window, "KP_Down");
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* With speech off and a keyboard (the desk), the prompt is heard all the same, and
 * Return does not reach the page under it. */
static void
test_idle_prompt_silent_resident (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_config);
  BakenWindow *window = ui_test_window_new (config, FALSE, IDLE_SCALE, 1080, 1920);
  Transcript transcript = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *location = NULL;
  GtkWidget *choice;

  g_signal_connect (baken_window_get_speaker (window), "notify::text",
                    G_CALLBACK (speaker_text_cb), &transcript);
  ui_test_find_path (baken_context_get_catalog (baken_window_get_context (window)), NULL, NULL,
                     &event_id, &situation_id, &service_id);
  location = g_strdup_printf ("event:%s", event_id);
  ui_test_activate_to (window, "kiosk.open-event", event_id, location);
  /* A sub-situation of the page: Return on it would open its services. */
  choice = ui_test_find_action_button (GTK_WIDGET (window), "kiosk.open-services");
  g_assert_nonnull (choice);
  gtk_widget_grab_focus (choice);
  g_assert_false (speech_mode (window));
  g_assert_cmpuint (transcript.utterances->len, ==, 0);

  g_assert_true (ui_test_wait (prompt_visible, window, 10000));
  ui_test_settle (window);
  assert_said (&transcript, "Bent u er nog?");

  ui_test_send_keys (window, "Return", NULL);
  ui_test_settle (window);
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  {
    g_autofree char *now = location_of (window);

    g_assert_cmpstr (now, ==, location);
  }

  /* Tab under the prompt does not go on to the next control of the page either. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == choice);
  g_assert_true (ui_test_wait (prompt_visible, window, 10000));
  ui_test_settle (window);
  ui_test_send_keys (window, "Tab", NULL);
  ui_test_settle (window);
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == choice);

  /* Nor does Escape, which goes Back on a keyboard when nothing covers the page: the
   * key that takes the prompt away is spent on it. */
  g_assert_true (ui_test_wait (prompt_visible, window, 10000));
  ui_test_settle (window);
  ui_test_send_keys (window, "Escape", NULL);
  ui_test_settle (window);
  g_assert_false (baken_window_get_idle_prompt_visible (window));
  {
    g_autofree char *now = location_of (window);

    g_assert_cmpstr (now, ==, location);
  }

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* With [keypad] invite-every, Home says now and then, softly, that the keypad and a
 * headset make the kiosk speak; never while someone uses it. 1m × 0.05: every 3 s. */
static void
test_invitation (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (
    "[idle]\ntimeout = 120\ncountdown = 20\n\n"
    "[keypad]\nspeech-time-factor = 2\ninvite-every = 1m\n");
  BakenWindow *window = ui_test_window_new (config, TRUE, 0.05, 0, 0);
  Transcript transcript = { g_ptr_array_new_with_free_func (g_free) };
  BakenSpeaker *speaker = baken_window_get_speaker (window);
  SaidWait invited = { &transcript, "Druk op een toets van het toetsenblok.", 1 };
  guint n;

  g_signal_connect (speaker, "notify::text", G_CALLBACK (speaker_text_cb), &transcript);

  /* At rest on Home: the invitation, softly. */
  g_assert_true (ui_test_wait (said_n_times, &invited, 10000));
  assert_said (&transcript, "Wilt u alles horen?");
  g_assert_cmpuint (baken_speaker_get_volume (speaker), ==, BAKEN_SPEAKER_VOLUME_SOFT);

  /* Someone uses the kiosk (speech mode): not once in more than two intervals. */
  keys (window, "KP_Add");
  assert_said (&transcript, "U bent op het beginscherm.");
  g_assert_cmpuint (baken_speaker_get_volume (speaker), ==, BAKEN_SPEAKER_VOLUME_NORMAL);
  n = count_said (&transcript, invited.text);
  ui_test_run (7000);
  g_assert_cmpuint (count_said (&transcript, invited.text), ==, n);
  g_assert_true (speech_mode (window));

  /* After the idle reset, at rest again: the invitation again. */
  g_assert_true (ui_test_wait (speech_mode_off, window, 30000));
  invited.n = n + 1;
  g_assert_true (ui_test_wait (said_n_times, &invited, 10000));

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* Search in speech mode: each letter, then what it found; never the keyboard's keys. */
static void
test_search_speech (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  g_autofree char *page_text = NULL;

  keys (window, "KP_Add");
  ui_test_activate (window, "kiosk.search", NULL);
  assert_said (&transcript, "Zoek met een woord");

  /* A physical keyboard beside the keypad: each letter is said, with what it found. */
  keys (window, "h");
  g_assert_true (g_str_has_prefix (last_said (&transcript), "h."));
  assert_said (&transcript, "Typ nog een letter.");
  keys (window, "u");
  g_assert_true (g_str_has_prefix (last_said (&transcript), "u."));
  if (strstr (last_said (&transcript), " resultaten.") == NULL &&
      strstr (last_said (&transcript), " resultaat.") == NULL)
    g_error ("no number of results in “%s”", last_said (&transcript));
  keys (window, "BackSpace");
  g_assert_true (g_str_has_prefix (last_said (&transcript), "Letter weg."));
  keys (window, "u");
  g_assert_true (g_str_has_prefix (last_said (&transcript), "u."));

  /* The whole screen, as "Lees voor" reads it: what was typed and found, not a key. */
  page_text = baken_window_dup_speech_text (window);
  g_test_message ("search page: %s", page_text);
  g_assert_nonnull (strstr (page_text, "U zoekt: hu."));
  g_assert_null (strstr (page_text, "\nq.\n"));
  g_assert_null (strstr (page_text, "\nw.\n"));

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* Repeat says the focused control; held for a second, the whole screen. */
static void
test_repeat_held (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  g_autofree char *tile = NULL;
  guint n;

  keys (window, "KP_Add");
  keys (window, "KP_2");
  tile = g_strdup (last_said (&transcript));

  n = transcript.utterances->len;
  ui_test_hold_key (window, "KP_0", 1500);
  g_assert_cmpuint (transcript.utterances->len, ==, n + 2);
  g_assert_cmpstr (g_ptr_array_index (transcript.utterances, n), ==, tile);
  assert_said (&transcript, "Waar kunt u hulp bij gebruiken?");

  /* A short one: the control only. */
  n = transcript.utterances->len;
  keys (window, "KP_0");
  g_assert_cmpuint (transcript.utterances->len, ==, n + 1);
  g_assert_cmpstr (last_said (&transcript), ==, tile);

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* A key held down is one press (EN 301 549 5.7): its auto-repeat does not run the focus
 * over the screen. */
static void
test_held_key_once (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  guint n;

  keys (window, "KP_Add");
  n = transcript.utterances->len;
  ui_test_hold_key (window, "KP_2", 2000);
  g_assert_cmpuint (transcript.utterances->len, ==, n + 1);
  if (!g_str_has_suffix (last_said (&transcript), ", 1 van 11"))
    g_error ("a held Down moved further than one control: “%s”", last_said (&transcript));

  /* Let go and pressed again: the next one. */
  keys (window, "KP_2");
  g_assert_true (g_str_has_suffix (last_said (&transcript), ", 2 van 11"));

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* A hand that shakes (EN 301 549 5.8): with [keypad] double-strike-ms the same key struck
 * again at once is not taken; another key is, and so is the same key after the delay.
 * The delay is long so that a loaded machine cannot stretch two quick presses past it. */
static void
test_double_strike (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (
    "[idle]\ntimeout = 600\n\n[keypad]\ndouble-strike-ms = 4000\n");
  BakenWindow *window = ui_test_window_new (config, TRUE, 1.0, 0, 0);
  Transcript transcript = { NULL };
  guint n;

  g_assert_true (ui_test_wait (is_fullscreen, window, 5000));
  transcript.utterances = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (baken_window_get_speaker (window), "notify::text",
                    G_CALLBACK (speaker_text_cb), &transcript);

  keys (window, "KP_Add");
  keys (window, "KP_2");
  g_assert_true (g_str_has_suffix (last_said (&transcript), ", 1 van 11"));
  n = transcript.utterances->len;
  /* Struck again at once: not taken, nothing said. */
  keys (window, "KP_2");
  if (transcript.utterances->len != n)
    g_error ("a double strike was taken: “%s”", last_said (&transcript));
  /* Another key is taken at once: Up leaves the first choice. */
  keys (window, "KP_8");
  g_assert_cmpuint (transcript.utterances->len, ==, n + 1);
  g_assert_false (g_str_has_suffix (last_said (&transcript), ", 1 van 11"));
  /* The same key after the delay is a new press. */
  g_usleep (4100 * G_TIME_SPAN_MILLISECOND);
  keys (window, "KP_8");
  g_assert_cmpuint (transcript.utterances->len, ==, n + 2);

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* Faster, slower and stop from the keypad and the bar; the reset takes the rate back. */
static void
test_rate_and_stop (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  BakenSpeaker *speaker = baken_window_get_speaker (window);
  GtkWidget *stop;

  keys (window, "KP_Add");
  g_assert_cmpuint (baken_speaker_get_rate (speaker), ==, BAKEN_SPEAKER_RATE_NORMAL);
  keys (window, "KP_7");
  assert_said (&transcript, "Sneller.");
  g_assert_cmpuint (baken_speaker_get_rate (speaker), >, BAKEN_SPEAKER_RATE_NORMAL);
  keys (window, "KP_1");
  keys (window, "KP_1");
  assert_said (&transcript, "Langzamer.");
  g_assert_cmpuint (baken_speaker_get_rate (speaker), <, BAKEN_SPEAKER_RATE_NORMAL);
  keys (window, "KP_1");
  keys (window, "KP_1");
  assert_said (&transcript, "Langzamer kan niet.");

  /* Stop: nothing is being said any more. */
  keys (window, "KP_Decimal");
  g_assert_null (baken_speaker_get_text (speaker));

  /* The bar's Stop, shown while speech is on: a first touch says it, a second acts. */
  keys (window, "KP_2");
  stop = ui_test_find_action_button (GTK_WIDGET (window), "speech.stop");
  g_assert_true (gtk_widget_get_mapped (stop));
  ui_test_hold (window, stop, 50);
  assert_said (&transcript, "Stop, knop");
  ui_test_hold (window, stop, 50);
  g_assert_null (baken_speaker_get_text (speaker));

  g_assert_true (ui_test_wait (speech_mode_off, window, 30000));
  g_assert_cmpuint (baken_speaker_get_rate (speaker), ==, BAKEN_SPEAKER_RATE_NORMAL);

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

/* The Home tiles, in order. */
static GPtrArray *
find_tiles (BakenWindow *window)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  GPtrArray *tiles = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), "kiosk.open-event") == 0)
        g_ptr_array_add (tiles, button);
    }

  return tiles;
}

/* In speech mode a first touch says a control and a second acts; otherwise one acts. */
static void
test_touch_explore (void)
{
  Transcript transcript = { NULL };
  BakenWindow *window = open_kiosk (&transcript);
  g_autoptr(GPtrArray) tiles = NULL;
  LocationWait away = { window, "event:" };
  GtkWidget *tile;

  keys (window, "KP_Add");
  tiles = find_tiles (window);
  g_assert_cmpuint (tiles->len, >=, 3);
  tile = g_ptr_array_index (tiles, 2);

  ui_test_hold (window, tile, 50);
  {
    g_autofree char *place = g_strdup_printf (", knop, 3 van %u", tiles->len);
    g_autofree char *location = location_of (window);

    assert_said (&transcript, place);
    g_assert_cmpstr (location, ==, "home");
  }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);

  /* The same control again: it acts. */
  ui_test_hold (window, tile, 50);
  g_assert_true (ui_test_wait (location_has_prefix, &away, 3000));
  ui_test_settle (window);
  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);

  /* Without speech mode one touch acts, as always. */
  window = open_kiosk (&transcript);
  g_clear_pointer (&tiles, g_ptr_array_unref);
  tiles = find_tiles (window);
  ui_test_hold (window, g_ptr_array_index (tiles, 2), 50);
  away.window = window;
  g_assert_true (ui_test_wait (location_has_prefix, &away, 3000));
  g_assert_false (speech_mode (window));

  g_ptr_array_unref (transcript.utterances);
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/nonvisual/keypad-walk", test_keypad_walk);
  g_test_add_func ("/nonvisual/filter-still-locks", test_filter_still_locks);
  g_test_add_func ("/nonvisual/idle-prompt", test_idle_prompt);
  g_test_add_func ("/nonvisual/idle-prompt-silent-resident", test_idle_prompt_silent_resident);
  g_test_add_func ("/nonvisual/invitation", test_invitation);
  g_test_add_func ("/nonvisual/search-speech", test_search_speech);
  g_test_add_func ("/nonvisual/repeat-held", test_repeat_held);
  g_test_add_func ("/nonvisual/held-key-once", test_held_key_once);
  g_test_add_func ("/nonvisual/double-strike", test_double_strike);
  g_test_add_func ("/nonvisual/rate-and-stop", test_rate_and_stop);
  g_test_add_func ("/nonvisual/touch-explore", test_touch_explore);

  return g_test_run ();
}
