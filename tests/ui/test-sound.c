/* test-sound.c: a headset takes the speech; volume up and down; time waits for speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private PulseAudio started by the test (null sinks: "speaker", and "headset" with
 * device.form_factor=headset, loaded and unloaded with pactl as a USB headset comes and
 * goes), and the --kiosk window under Xvfb, driven by real keypad keys (XTEST) and a
 * real tap. What the server did is read back with pactl; what the kiosk said is the
 * transcript of its speech queue (notify::text of the window's BakenSpeaker), and
 * espeak-ng really plays into the null sinks, so the test sees where its stream goes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "test-util.h"
#include "ui-test-util.h"

#include "baken-idle-dialog.h"
#include "baken-sound-policy.h"
#include "baken-speaker.h"
#include "baken-text-size.h"

/* 40 s × 0.25: "Bent u er nog?" after 10 s without input, the reset 1.25 s later. */
#define IDLE_SCALE 0.25
static const char kiosk_config[] =
  "[idle]\ntimeout = 40\ncountdown = 5\n\n[speech]\nvolume = 40\n\n"
  "[keypad]\nspeech-time-factor = 1\n";

/* What the kiosk logged under baken-sound. */
static GPtrArray *sound_messages;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "baken-sound") == 0 && message != NULL)
    g_ptr_array_add (sound_messages, g_strdup (message));

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static guint
count_messages (const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < sound_messages->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (sound_messages, i), prefix))
      n++;

  return n;
}

/* The private sound server */

typedef struct
{
  char *dir;     /* (owned) HOME and XDG_RUNTIME_DIR of the daemon */
  GPid  pid;     /* 0 when not running */
} Pulse;

/* PULSE_SERVER of this process (and the kiosk in it) names the server's socket, which
 * need not exist yet. */
static void
pulse_prepare (Pulse *pulse)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *run = NULL;
  g_autofree char *server = NULL;
  g_autofree char *cookie = NULL;

  pulse->dir = g_dir_make_tmp ("baken-pulse-XXXXXX", &error);
  g_assert_no_error (error);
  run = g_build_filename (pulse->dir, "run", NULL);
  g_assert_cmpint (g_mkdir (run, 0700), ==, 0);
  server = g_strdup_printf ("unix:%s/native", run);
  cookie = g_build_filename (pulse->dir, "cookie", NULL);
  g_setenv ("PULSE_SERVER", server, TRUE);
  /* The server lets anyone in (auth-anonymous); the clients' cookie goes here. */
  g_setenv ("PULSE_COOKIE", cookie, TRUE);
}

static char *
pactl_v (const char * const *args,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *output = NULL;

  /* Its words in English: the test reads them. */
  g_ptr_array_add (argv, (char *) "/usr/bin/env");
  g_ptr_array_add (argv, (char *) "LANGUAGE=C");
  g_ptr_array_add (argv, (char *) "LC_ALL=C");
  g_ptr_array_add (argv, (char *) "pactl");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  *status = baken_test_run_with_input ((const char * const *) argv->pdata, NULL, FALSE, NULL,
                                       &output);
  return output;
}

/* pactl ARGS…, which must succeed; its output. */
#define pactl(...) pactl_ok ((const char * const[]) { __VA_ARGS__, NULL })

static char *
pactl_ok (const char * const *args)
{
  int status;
  char *output = pactl_v (args, &status);

  if (status != 0)
    g_error ("pactl %s: status %d: %s", args[0], status, output);

  return output;
}

static gboolean
pulse_answers (gpointer data)
{
  int status;
  g_autofree char *output = pactl_v ((const char * const[]) { "info", NULL }, &status);

  return status == 0;
}

/* The daemon never outlives a test that failed. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
pulse_start (Pulse *pulse)
{
  g_autofree char *run = g_build_filename (pulse->dir, "run", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = {
    "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--system=false",
    "--disallow-exit", "--log-target=stderr", "--log-level=error",
    "-L", "module-null-sink sink_name=speaker",
    "-L", "module-native-protocol-unix auth-anonymous=1",
    NULL
  };
  g_autoptr(GError) error = NULL;
  gboolean answers = FALSE;

  envp = g_environ_setenv (envp, "PULSE_RUNTIME_PATH", run, TRUE);
  envp = g_environ_setenv (envp, "HOME", pulse->dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", pulse->dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", pulse->dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", pulse->dir, TRUE);
  envp = g_environ_setenv (envp, "PULSE_STATE_PATH", pulse->dir, TRUE);
  envp = g_environ_unsetenv (envp, "PULSE_SERVER");
  g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 die_with_test, NULL, &pulse->pid, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < baken_test_scale_ms (10000) / 100 && !answers; i++)
    {
      answers = pulse_answers (NULL);
      if (!answers)
        g_usleep (100 * 1000);
    }
  g_assert_true (answers);
}

static void
pulse_stop (Pulse *pulse)
{
  g_autofree char *output = NULL;
  int status = 0;

  if (pulse->pid != 0)
    {
      kill (pulse->pid, SIGTERM);
      waitpid (pulse->pid, &status, 0);
      g_spawn_close_pid (pulse->pid);
      pulse->pid = 0;
    }
  {
    const char *argv[] = { "rm", "-rf", pulse->dir, NULL };

    g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 0);
  }
  g_clear_pointer (&pulse->dir, g_free);
  g_unsetenv ("PULSE_SERVER");
  g_unsetenv ("PULSE_COOKIE");
}

/* espeak-ng opens its audio output once per process: the tests that play audio share
 * one server, started by the first of them and stopped after the last. */
static Pulse audio_pulse = { NULL, 0 };

static void
audio_pulse_ensure (void)
{
  if (audio_pulse.pid != 0)
    return;

  pulse_prepare (&audio_pulse);
  pulse_start (&audio_pulse);
}

/* What the server says */

static char *
default_sink (void)
{
  g_autofree char *output = pactl ("get-default-sink");

  return g_strdup (g_strstrip (output));
}

static gboolean
sink_muted (const char *sink)
{
  g_autofree char *output = pactl ("get-sink-mute", sink);

  return strstr (output, "Mute: yes") != NULL;
}

/* The first channel's volume in percent. */
static guint
sink_volume (const char *sink)
{
  g_autofree char *output = pactl ("get-sink-volume", sink);
  const char *percent = strchr (output, '%');
  const char *digits = percent;

  g_assert_nonnull (percent);
  while (digits > output && g_ascii_isdigit (digits[-1]))
    digits--;

  return (guint) g_ascii_strtoull (digits, NULL, 10);
}

/* The index of the sink that the stream of this process (espeak-ng's) plays on; NULL
 * when it has none. */
static char *
find_stream (void)
{
  g_autofree char *inputs = pactl ("list", "sink-inputs");
  g_autofree char *pid = g_strdup_printf ("application.process.id = \"%d\"", (int) getpid ());
  g_auto(GStrv) blocks = g_strsplit (inputs, "Sink Input #", -1);
  const char *sink;

  for (guint i = 1; blocks[i] != NULL; i++)
    {
      if (strstr (blocks[i], pid) != NULL && (sink = strstr (blocks[i], "Sink: ")) != NULL)
        return g_strndup (sink + strlen ("Sink: "), strcspn (sink + strlen ("Sink: "), "\n"));
    }

  return NULL;
}

/* The name of the sink that the stream of this process (espeak-ng's) plays on, or
 * NULL when it has none. */
static char *
stream_sink (void)
{
  g_autofree char *sinks = pactl ("list", "sinks", "short");
  g_auto(GStrv) lines = g_strsplit (sinks, "\n", -1);
  g_autofree char *index = find_stream ();

  if (index == NULL)
    return NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (fields[0] != NULL && fields[1] != NULL && g_str_equal (fields[0], index))
        return g_strdup (fields[1]);
    }

  return NULL;
}

/* The kiosk */

typedef struct
{
  BakenWindow *window;
  GPtrArray   *said;   /* (element-type utf8) */
} Kiosk;

static void
speaker_text_cb (BakenSpeaker *speaker,
                 GParamSpec   *pspec,
                 Kiosk        *kiosk)
{
  const char *text = baken_speaker_get_text (speaker);

  if (text == NULL)
    return;
  g_ptr_array_add (kiosk->said, g_strdup (text));
  g_test_message ("said: %s", text);
}

static const char *
last_said (Kiosk *kiosk)
{
  return kiosk->said->len > 0 ? g_ptr_array_index (kiosk->said, kiosk->said->len - 1) : "";
}

static void
assert_said (Kiosk      *kiosk,
             const char *expected)
{
  if (strstr (last_said (kiosk), expected) == NULL)
    g_error ("expected “%s” in the last utterance “%s”", expected, last_said (kiosk));
}

static void
kiosk_open (Kiosk *kiosk)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (kiosk_config);

  kiosk->window = ui_test_window_new (config, TRUE, IDLE_SCALE, 0, 0);
  kiosk->said = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (baken_window_get_speaker (kiosk->window), "notify::text",
                    G_CALLBACK (speaker_text_cb), kiosk);
}

static void
kiosk_close (Kiosk *kiosk)
{
  ui_test_window_destroy (kiosk->window);
  g_ptr_array_unref (kiosk->said);
}

static void
keys (Kiosk      *kiosk,
      const char *key)
{
  ui_test_send_keys (kiosk->window, key, NULL);
  ui_test_settle (kiosk->window);
}

/* Speech mode is read-aloud: the "Lees voor" button shows it (drawn or not: the idle
 * prompt hides it). */
static gboolean
speech_mode (gpointer data)
{
  Kiosk *kiosk = data;
  GtkWidget *toggle = ui_test_find_action_button (GTK_WIDGET (kiosk->window), "a11y.read-aloud");

  if (toggle == NULL)
    g_error ("no \"Lees voor\" button on screen");

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

static gboolean
speech_mode_off (gpointer data)
{
  return !speech_mode (data);
}

static gboolean
volume_buttons_work (gpointer data)
{
  Kiosk *kiosk = data;
  GtkWidget *button = ui_test_find_action_button (GTK_WIDGET (kiosk->window), "sound.volume-up");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* Waits for condition while the main loop runs, waking at least every 50 ms: the
 * server changes without the kiosk hearing of it in between. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for (UiTestCondition condition,
          gpointer        data,
          guint           timeout_ms)
{
  guint id = g_timeout_add (50, wake_cb, NULL);
  gboolean ok = ui_test_wait (condition, data, timeout_ms);

  g_source_remove (id);
  return ok;
}

typedef struct
{
  const char *sink;
  guint       volume;
} VolumeCheck;

static gboolean
volume_is (gpointer data)
{
  VolumeCheck *check = data;

  return sink_volume (check->sink) == check->volume;
}

static void
assert_volume_soon (const char *sink,
                    guint       volume)
{
  VolumeCheck check = { sink, volume };

  if (!wait_for (volume_is, &check, 5000))
    g_error ("%s is at %u %%, not %u %%", sink, sink_volume (sink), volume);
}

static gboolean
speaker_muted (gpointer data)
{
  return sink_muted ("speaker");
}

static gboolean
speaker_unmuted (gpointer data)
{
  return !sink_muted ("speaker");
}

static gboolean
default_is_headset (gpointer data)
{
  g_autofree char *name = default_sink ();

  return g_str_equal (name, "headset");
}

static gboolean
default_is_speaker (gpointer data)
{
  g_autofree char *name = default_sink ();

  return g_str_equal (name, "speaker");
}

static gboolean
stream_on (gpointer data)
{
  g_autofree char *sink = stream_sink ();

  return g_strcmp0 (sink, data) == 0;
}

/* The pure decisions: which sink is a headset, which the loudspeaker. */
static void
test_policy (void)
{
  g_autoptr(GPtrArray) sinks = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_sound_sink_free);
  BakenHeadset headset = { NULL, NULL };
  BakenHeadset none = { NULL, NULL };
  BakenSoundSink *card = baken_sound_sink_new ("card");
  BakenSoundSink *hdmi = baken_sound_sink_new ("hdmi");
  BakenSoundSink *usb;

  baken_sound_sink_add_port (card, "analog-output-speaker", BAKEN_SOUND_PORT_SPEAKER, TRUE);
  baken_sound_sink_add_port (card, "analog-output-headphones", BAKEN_SOUND_PORT_HEADPHONES,
                             FALSE);
  g_ptr_array_add (sinks, hdmi);
  g_ptr_array_add (sinks, card);

  /* Nothing plugged in. */
  g_assert_false (baken_sound_find_headset (sinks, "card", &headset));
  g_assert_null (headset.sink);
  g_assert_cmpstr (baken_sound_find_speaker (sinks, "card", &none), ==, "card");

  /* The jack. */
  ((BakenSoundPort *) g_ptr_array_index (card->ports, 1))->available = TRUE;
  g_assert_true (baken_sound_find_headset (sinks, "card", &headset));
  g_assert_cmpstr (headset.sink, ==, "card");
  g_assert_cmpstr (headset.port, ==, "analog-output-headphones");
  /* Its sink is the loudspeaker once the jack is out. */
  g_assert_cmpstr (baken_sound_find_speaker (sinks, "card", &headset), ==, "card");

  /* A USB headset comes in as a sink of its own: it wins over the jack. */
  usb = baken_sound_sink_new ("usb-headset");
  usb->form_factor = g_strdup ("headset");
  g_ptr_array_add (sinks, usb);
  g_assert_true (baken_sound_find_headset (sinks, "card", &headset));
  g_assert_cmpstr (headset.sink, ==, "usb-headset");
  g_assert_null (headset.port);
  g_assert_cmpstr (baken_sound_find_speaker (sinks, "card", &headset), ==, "card");
  /* The default already moved to the headset: the loudspeaker is still not it. */
  g_assert_cmpstr (baken_sound_find_speaker (sinks, "usb-headset", &headset), ==, "hdmi");
  {
    BakenHeadset same = { (char *) "usb-headset", NULL };

    g_assert_true (baken_headset_equal (&headset, &same));
  }

  /* Headphones without a microphone count too; the newest wins. */
  ((BakenSoundPort *) g_ptr_array_index (card->ports, 1))->available = FALSE;
  g_ptr_array_add (sinks, baken_sound_sink_new ("bluetooth"));
  ((BakenSoundSink *) g_ptr_array_index (sinks, 3))->form_factor = g_strdup ("headphone");
  g_assert_true (baken_sound_find_headset (sinks, "card", &headset));
  g_assert_cmpstr (headset.sink, ==, "bluetooth");

  /* A loudspeaker called so is not a headset. */
  g_ptr_array_remove_range (sinks, 2, 2);
  card->form_factor = g_strdup ("speaker");
  g_assert_false (baken_sound_find_headset (sinks, "card", &headset));

  baken_headset_clear (&headset);
}

/* No sound server: said once in the log, the kiosk works on (and finds the server when
 * it comes, trying again by itself). */
static void
test_no_server (void)
{
  Pulse pulse = { NULL, 0 };
  Kiosk kiosk = { NULL, NULL };

  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  pulse_prepare (&pulse);
  g_ptr_array_set_size (sound_messages, 0);
  kiosk_open (&kiosk);

  /* The first try and the one 2 s later. */
  ui_test_run (3000);
  g_assert_cmpuint (count_messages ("No sound server"), ==, 1);
  g_assert_false (volume_buttons_work (&kiosk));

  keys (&kiosk, "KP_Add");
  g_assert_true (speech_mode (&kiosk));
  assert_said (&kiosk, "U bent op het beginscherm.");
  /* A volume key without a server: nothing happens, nothing breaks. */
  keys (&kiosk, "KP_9");
  assert_said (&kiosk, "U bent op het beginscherm.");

  /* The server comes; the kiosk's next try (4 s after the last) finds it. */
  pulse_start (&pulse);
  g_assert_true (wait_for (volume_buttons_work, &kiosk, 15000));
  g_assert_cmpuint (count_messages ("Sound server: "), ==, 1);
  g_assert_cmpuint (count_messages ("No sound server"), ==, 1);
  assert_volume_soon ("speaker", 40);

  kiosk_close (&kiosk);
  pulse_stop (&pulse);
  g_unsetenv ("BAKEN_SPEECH_OUTPUT");
}

/* A USB headset comes in: speech mode, the speech, privacy; the volume keys; it goes;
 * the idle reset puts the safe volume back. */
static void
test_takes_speech (void)
{
  Kiosk kiosk = { NULL, NULL };
  g_autofree char *module = NULL;
  g_autofree char *sink = NULL;
  GtkWidget *louder;
  guint n;

  audio_pulse_ensure ();
  kiosk_open (&kiosk);

  /* As the kiosk starts: the loudspeaker at the safe level, nothing said. */
  g_assert_true (wait_for (volume_buttons_work, &kiosk, 5000));
  assert_volume_soon ("speaker", 40);
  g_assert_false (speech_mode (&kiosk));
  g_assert_cmpuint (kiosk.said->len, ==, 0);

  /* The headset comes in: speech mode at once, said in the headset, the room hears
   * nothing. */
  module = pactl ("load-module", "module-null-sink", "sink_name=headset",
                  "sink_properties=device.form_factor=headset");
  g_strstrip (module);
  g_assert_true (wait_for (speech_mode, &kiosk, 5000));
  assert_said (&kiosk, "U bent op het beginscherm.");
  if (!wait_for (default_is_headset, NULL, 5000))
    g_error ("the default output is %s, not the headset", sink = default_sink ());
  g_assert_true (wait_for (speaker_muted, NULL, 5000));
  g_assert_false (sink_muted ("headset"));
  assert_volume_soon ("headset", 40);
  if (!wait_for (stream_on, (gpointer) "headset", 5000))
    g_error ("the speech plays on %s, not on the headset", sink = stream_sink ());

  /* Volume up and down from the keypad, said at the new level. */
  keys (&kiosk, "KP_9");
  assert_said (&kiosk, "Volume 50 procent");
  assert_volume_soon ("headset", 50);
  keys (&kiosk, "KP_3");
  keys (&kiosk, "KP_3");
  assert_said (&kiosk, "Volume 30 procent");
  assert_volume_soon ("headset", 30);
  /* And from the accessibility bar: "Harder", real taps. In speech mode the first says
   * it and the second acts. */
  louder = ui_test_find_action_button (GTK_WIDGET (kiosk.window), "sound.volume-up");
  ui_test_hold (kiosk.window, louder, 50);
  ui_test_settle (kiosk.window);
  assert_said (&kiosk, "Harder, knop");
  assert_volume_soon ("headset", 30);
  ui_test_hold (kiosk.window, louder, 50);
  ui_test_settle (kiosk.window);
  assert_said (&kiosk, "Volume 40 procent");
  assert_volume_soon ("headset", 40);
  g_assert_true (sink_muted ("speaker"));

  /* The headset goes: what was being said stops, the loudspeaker is back at the safe
   * level. Speech mode stays on. */
  keys (&kiosk, "KP_9");
  assert_volume_soon ("headset", 50);
  n = kiosk.said->len;
  g_free (pactl ("unload-module", module));
  /* The server moves the default itself; unmuting the loudspeaker is the kiosk's. */
  g_assert_true (wait_for (speaker_unmuted, NULL, 5000));
  g_assert_true (wait_for (default_is_speaker, NULL, 5000));
  g_assert_null (baken_speaker_get_text (baken_window_get_speaker (kiosk.window)));
  g_assert_cmpuint (kiosk.said->len, ==, n);
  assert_volume_soon ("speaker", 40);
  g_assert_true (speech_mode (&kiosk));

  /* The volume of the loudspeaker now; the idle reset puts the safe level back. */
  keys (&kiosk, "KP_9");
  assert_said (&kiosk, "Volume 50 procent");
  assert_volume_soon ("speaker", 50);
  if (!wait_for (stream_on, (gpointer) "speaker", 5000))
    g_error ("the speech plays on %s, not on the loudspeaker", sink = stream_sink ());
  g_assert_true (ui_test_wait (speech_mode_off, &kiosk, 20000));
  assert_volume_soon ("speaker", 40);

  /* A headset again, after speech on the loudspeaker: the next words are in it. */
  g_free (module);
  module = pactl ("load-module", "module-null-sink", "sink_name=headset",
                  "sink_properties=device.form_factor=headphone");
  g_strstrip (module);
  g_assert_true (wait_for (speech_mode, &kiosk, 5000));
  assert_said (&kiosk, "U bent op het beginscherm.");
  if (!wait_for (stream_on, (gpointer) "headset", 5000))
    g_error ("the speech plays on %s, not on the headset", sink = stream_sink ());
  g_assert_true (wait_for (speaker_muted, NULL, 5000));

  kiosk_close (&kiosk);
  g_free (pactl ("unload-module", module));
}

typedef struct
{
  BakenWindow *window;
  gint64       start;      /* monotonic µs: speech began */
  gint64       end;        /* and ended, 0 while it plays */
  gboolean     prompted;   /* the prompt showed while speech played */
} SpeechWatch;

static gboolean
watch_speech_cb (gpointer data)
{
  SpeechWatch *watch = data;
  gboolean speaking = baken_speaker_get_speaking (baken_window_get_speaker (watch->window));

  if (speaking && baken_window_get_idle_prompt_visible (watch->window))
    watch->prompted = TRUE;
  if (!speaking && watch->end == 0)
    watch->end = g_get_monotonic_time ();

  return G_SOURCE_CONTINUE;
}

static gboolean
speech_ended (gpointer data)
{
  return ((SpeechWatch *) data)->end != 0;
}

static gboolean
prompt_visible (gpointer data)
{
  return baken_window_get_idle_prompt_visible (data);
}

static gboolean
prompt_said (gpointer data)
{
  return strstr (last_said (data), "Bent u er nog?") != NULL;
}

/* A text read aloud that takes longer than the idle timeout: "Bent u er nog?" does not
 * come while it plays, and comes after it; then it is heard, after the tone, which the
 * kiosk gave the server. */
static void
test_idle_waits_for_speech (void)
{
  Kiosk kiosk = { NULL, NULL };
  SpeechWatch watch = { NULL, 0, 0, FALSE };
  g_autofree char *samples = NULL;
  GtkWidget *read_aloud;
  double seconds;
  guint id;

  audio_pulse_ensure ();
  kiosk_open (&kiosk);
  g_assert_true (wait_for (volume_buttons_work, &kiosk, 5000));

  /* "Lees voor", a real tap: Home is read, title and every choice. */
  read_aloud = ui_test_find_action_button (GTK_WIDGET (kiosk.window), "a11y.read-aloud");
  g_assert_nonnull (read_aloud);
  watch.window = kiosk.window;
  watch.start = g_get_monotonic_time ();
  ui_test_hold (kiosk.window, read_aloud, 50);
  g_assert_true (baken_speaker_get_speaking (baken_window_get_speaker (kiosk.window)));
  id = g_timeout_add (50, watch_speech_cb, &watch);
  g_assert_true (ui_test_wait (speech_ended, &watch, 120000));
  seconds = (watch.end - watch.start) / (double) G_USEC_PER_SEC;
  g_test_message ("Home read aloud in %.1f s; the idle timeout is %.1f s", seconds,
                  40 * IDLE_SCALE);
  /* Else this test shows nothing. */
  g_assert_cmpfloat (seconds, >, 40 * IDLE_SCALE);
  g_assert_false (watch.prompted);

  /* The time starts when the speech ends. */
  g_assert_true (ui_test_wait (prompt_visible, kiosk.window, 20000));
  g_source_remove (id);
  /* Said just after the tone. */
  g_assert_true (ui_test_wait (prompt_said, &kiosk, 5000));
  samples = pactl ("list", "samples", "short");
  g_assert_nonnull (strstr (samples, "baken-attention"));

  kiosk_close (&kiosk);
}

/* The row that speech adds to the bar (stop, rate, volume: five buttons) shows every
 * label whole in all six languages at the largest text. */
static void
test_speech_row_fits (void)
{
  static const char * const languages[] = { "nl", "en", "ar", "tr", "pl", "uk" };
  g_autoptr(BakenConfig) config = ui_test_config_new (
    "[kiosk]\nlanguages = nl;en;ar;tr;pl;uk\n\n[idle]\ntimeout = 600\n");
  Kiosk kiosk = { NULL, NULL };

  audio_pulse_ensure ();
  kiosk.window = ui_test_window_new (config, TRUE, 1.0, 0, 0);
  g_assert_true (wait_for (volume_buttons_work, &kiosk, 5000));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *screen = g_strdup_printf ("speech row, %s, very large text",
                                                 languages[i]);
      GtkWidget *louder;

      ui_test_activate (kiosk.window, "kiosk.language", g_variant_new_string (languages[i]));
      ui_test_activate (kiosk.window, "a11y.text-size",
                        g_variant_new_int32 (BAKEN_TEXT_SIZE_VERY_LARGE));
      ui_test_activate (kiosk.window, "a11y.read-aloud", NULL);
      louder = ui_test_find_action_button (GTK_WIDGET (kiosk.window), "sound.volume-up");
      g_assert_true (gtk_widget_get_mapped (louder));
      g_assert_true (gtk_widget_get_mapped (ui_test_find_action_button (GTK_WIDGET (kiosk.window),
                                                                "speech.slower")));
      ui_test_assert_labels_whole (kiosk.window, screen);
      ui_test_activate (kiosk.window, "a11y.read-aloud", NULL);
    }

  ui_test_window_destroy (kiosk.window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sound_messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_unsetenv ("PULSE_SERVER");
  ui_test_init (&argc, &argv);

  g_test_add_func ("/nonvisual/sound/policy", test_policy);
  g_test_add_func ("/nonvisual/sound/no-server", test_no_server);
  /* Last: espeak-ng plays audio from here on, once per process. */
  g_test_add_func ("/nonvisual/sound/takes-speech", test_takes_speech);
  g_test_add_func ("/nonvisual/sound/idle-waits-for-speech", test_idle_waits_for_speech);
  g_test_add_func ("/nonvisual/sound/speech-row-fits", test_speech_row_fits);

  status = g_test_run ();
  if (audio_pulse.pid != 0)
    pulse_stop (&audio_pulse);

  return status;
}
