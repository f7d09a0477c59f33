/* baken-resident-reset.c: between residents, the kiosk starts again at Home
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The next resident never meets what the last one left: when the idle countdown runs
 * out, when staff press "Klaar" or when staff mode ends, the kiosk goes back to Home in
 * the default language, with speech, text size, contrast, reach and speech mode off,
 * the speech volume at its safe level,
 * staff mode ended and the search forgotten (the page history is gone, so the search
 * page with its text is too), and every page the navigator kept for a next visit
 * dropped.
 *
 * "Bent u er nog?" is said (after a tone, speech on or off) when it appears and again
 * near the end of its countdown. The time without input does not run while speech
 * plays, and speech mode multiplies it ([keypad] speech-time-factor): a listener needs
 * longer than a reader.
 *
 * At rest, [keypad] invite-every asks now and then, softly, whether someone wants to hear
 * everything (baken-invitation.c).
 *
 * "At rest" is that state with nobody asked anything: then the idle prompt is not
 * shown, and a new content bundle (BakenContentSwitch) is switched in at once; else
 * it waits for the next reset. Staff mode has its own, shorter idle timeout.
 *
 * The window uses this one way: it creates it with its parts and calls run (), poke ().
 * The language is the window's "language" property, the one the language buttons set
 * (kiosk.language): read for "at rest", set by the reset.
 */
#define G_LOG_DOMAIN "baken-resident-reset"

#include "config.h"

#include "baken-resident-reset.h"

#include "baken-content-switch.h"
#include "baken-idle-controller.h"
#include "baken-invitation.h"
#include "baken-memory.h"
#include "baken-usage.h"

struct _BakenResidentReset
{
  GObject               parent_instance;

  /* Inputs */
  BakenResidentLayout   layout;          /* widgets unowned; the parts owned */
  BakenContext         *context;         /* (owned) */
  double                idle_scale;

  /* Parts */
  BakenIdleController  *idle;            /* (owned) */
  BakenContentSwitch   *content_switch;  /* (owned) (nullable) without kiosk content */
  BakenInvitation      *invitation;      /* (owned) (nullable) [keypad] invite-every */
  BakenUsage           *usage;           /* (owned) the monitor's counts of the pages */

  /* State */
  gboolean              resetting;       /* ending staff mode inside run () */
  gboolean              idle_expired;    /* run () because nobody touched the kiosk */
  guint                 give_back_id;    /* the heap trimmed once Home is drawn */
};

G_DEFINE_FINAL_TYPE (BakenResidentReset, baken_resident_reset, G_TYPE_OBJECT)

static gboolean
language_is_default (BakenResidentReset *self)
{
  g_autofree char *language = NULL;

  g_object_get (self->layout.window, "language", &language, NULL);
  return g_strcmp0 (language, baken_context_get_default_language (self->context)) == 0;
}

static gint64
scaled_us (BakenResidentReset *self,
           guint               seconds)
{
  return (gint64) (seconds * G_USEC_PER_SEC * self->idle_scale);
}

static BakenA11yController *
get_a11y (BakenResidentReset *self)
{
  return baken_resident_access_get_a11y (self->layout.access);
}

/* Home, default language, nothing switched on, nobody asked anything. */
static gboolean
is_at_rest_cb (gpointer user_data)
{
  BakenResidentReset *self = user_data;

  return baken_navigator_get_depth (self->layout.navigator) == 1 &&
         baken_context_get_audience (self->context) == BAKEN_AUDIENCE_PUBLIC &&
         !baken_staff_controller_get_pad_visible (self->layout.staff) &&
         language_is_default (self) &&
         !gtk_widget_get_visible (GTK_WIDGET (self->layout.prompt_slot)) &&
         baken_a11y_controller_is_default (get_a11y (self));
}

static void
idle_prompt_shown_cb (BakenResidentReset *self)
{
  baken_resident_access_prompt_shown (self->layout.access);
}

/* Speech playing to the resident keeps their time from running. */
static void
speaking_changed_cb (BakenResidentReset *self)
{
  BakenSpeaker *speaker = baken_a11y_controller_get_speaker (get_a11y (self));

  baken_idle_controller_set_busy (self->idle, baken_speaker_get_speaking (speaker));
}

/* Staff mode's (shorter) timeout; a resident's, longer in speech mode. */
static gint64
get_timeout_us (BakenResidentReset *self)
{
  BakenConfig *config = baken_context_get_config (self->context);
  BakenSpeechMode *speech_mode = baken_resident_access_get_speech_mode (self->layout.access);

  if (baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF)
    return scaled_us (self, config->staff_idle_timeout);
  if (baken_speech_mode_get_on (speech_mode))
    return scaled_us (self, config->idle_timeout * config->speech_time_factor);

  return scaled_us (self, config->idle_timeout);
}

static void
speech_mode_changed_cb (BakenResidentReset *self)
{
  baken_idle_controller_set_timeout (self->idle, get_timeout_us (self));
}

/* Staff mode started or ended: the page again for the new audience, and the idle timer
 * of staff mode (shorter) or of residents. */
static void
staff_changed_cb (BakenResidentReset *self)
{
  gboolean staff = baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF;

  /* Kept pages show the audience they were built for: staff-only numbers never stay
   * for a resident, nor a resident's page for staff. */
  baken_navigator_drop_pages (self->layout.navigator);
  baken_idle_controller_set_timeout (self->idle, get_timeout_us (self));
  if (staff)
    baken_navigator_show (self->layout.navigator);
  else if (!self->resetting)
    baken_resident_reset_run (self);
}

static void
idle_expired_cb (BakenResidentReset *self)
{
  self->idle_expired = TRUE;
  baken_resident_reset_run (self);
}

/* Nobody is on a path: switch now. Otherwise the next reset does it. */
static void
content_update_waiting_cb (BakenResidentReset *self)
{
  if (is_at_rest_cb (self))
    baken_resident_reset_run (self);
}

static void
baken_resident_reset_dispose (GObject *object)
{
  BakenResidentReset *self = BAKEN_RESIDENT_RESET (object);

  g_clear_handle_id (&self->give_back_id, g_source_remove);
  g_clear_object (&self->idle);
  g_clear_object (&self->invitation);
  g_clear_object (&self->content_switch);
  g_clear_object (&self->usage);
  g_clear_object (&self->layout.staff);
  g_clear_object (&self->layout.access);
  g_clear_object (&self->layout.navigator);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_resident_reset_parent_class)->dispose (object);
}

static void
baken_resident_reset_class_init (BakenResidentResetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_resident_reset_dispose;
}

static void
baken_resident_reset_init (BakenResidentReset *self)
{
}

BakenResidentReset *
baken_resident_reset_new (const BakenResidentLayout *layout,
                          BakenContext              *context,
                          double                     idle_scale)
{
  BakenResidentReset *self;
  BakenConfig *config;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (layout->window), NULL);
  g_return_val_if_fail (ADW_IS_BIN (layout->prompt_slot), NULL);
  g_return_val_if_fail (ADW_IS_BIN (layout->status_slot), NULL);
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (layout->navigator), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (layout->covered), NULL);
  g_return_val_if_fail (BAKEN_IS_RESIDENT_ACCESS (layout->access), NULL);
  g_return_val_if_fail (BAKEN_IS_STAFF_CONTROLLER (layout->staff), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (idle_scale > 0, NULL);

  self = g_object_new (BAKEN_TYPE_RESIDENT_RESET, NULL);
  self->layout = *layout;
  g_object_ref (self->layout.navigator);
  g_object_ref (self->layout.access);
  g_object_ref (self->layout.staff);
  self->context = g_object_ref (context);
  self->idle_scale = idle_scale;
  self->usage = baken_usage_new (context, layout->navigator);
  baken_usage_watch (self->usage, layout->window, baken_resident_access_get_a11y (layout->access),
                     baken_resident_access_get_speech_mode (layout->access));

  config = baken_context_get_config (context);
  self->idle = baken_idle_controller_new (layout->window, layout->prompt_slot, layout->covered,
                                          scaled_us (self, config->idle_timeout),
                                          scaled_us (self, config->idle_countdown),
                                          scaled_us (self, 1),
                                          is_at_rest_cb, self);
  g_signal_connect_object (self->idle, "prompt-shown", G_CALLBACK (idle_prompt_shown_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle, "prompt-reminder", G_CALLBACK (idle_prompt_shown_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (baken_a11y_controller_get_speaker (get_a11y (self)),
                           "notify::speaking", G_CALLBACK (speaking_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (baken_resident_access_get_speech_mode (layout->access),
                           "notify::on", G_CALLBACK (speech_mode_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle, "expired", G_CALLBACK (idle_expired_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layout.staff, "changed", G_CALLBACK (staff_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* At rest on Home, now and then, softly: the keypad and the headset. */
  if (config->invite_every > 0)
    self->invitation = baken_invitation_new (baken_a11y_controller_get_speaker (get_a11y (self)),
                                             baken_context_get_default_language (context),
                                             scaled_us (self, config->invite_every),
                                             is_at_rest_cb, self);

  return self;
}

void
baken_resident_reset_start (BakenResidentReset *self)
{
  BakenKioskContent *content;

  g_return_if_fail (BAKEN_IS_RESIDENT_RESET (self));
  g_return_if_fail (self->content_switch == NULL);

  content = baken_context_get_content (self->context);
  if (content == NULL)
    return;

  self->content_switch = baken_content_switch_new (self->layout.window,
                                                   self->layout.status_slot, content);
  g_signal_connect_object (self->content_switch, "update-waiting",
                           G_CALLBACK (content_update_waiting_cb), self, G_CONNECT_SWAPPED);
  baken_content_switch_start (self->content_switch);
}

static gboolean
give_back_cb (gpointer user_data)
{
  BakenResidentReset *self = user_data;

  self->give_back_id = 0;
  baken_memory_give_back ();
  return G_SOURCE_REMOVE;
}

void
baken_resident_reset_run (BakenResidentReset *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_RESET (self));

  /* The visit is over: its search and the reset are counted, and the counts written. */
  baken_usage_reset (self->usage, self->idle_expired);
  self->idle_expired = FALSE;
  /* Staff mode ended: the next resident never meets a staff screen. */
  self->resetting = TRUE;
  baken_staff_controller_end (self->layout.staff);
  self->resetting = FALSE;
  /* Speech, text size, contrast, reach and speech mode off before the next resident,
   * and before Home is shown: nothing of it is read aloud. */
  baken_resident_access_reset (self->layout.access);
  baken_navigator_forget (self->layout.navigator);
  /* No page the last resident saw is shown again: not its scroll position, not what
   * it held (and a new bundle below needs new pages anyway). */
  baken_navigator_drop_pages (self->layout.navigator);
  /* A new bundle that waits is swapped in before Home is rebuilt. */
  if (self->content_switch != NULL)
    baken_content_switch_apply (self->content_switch);

  /* The window rebuilds the bar and the (home) page in the default language. */
  if (!language_is_default (self))
    g_object_set (self->layout.window,
                  "language", baken_context_get_default_language (self->context),
                  NULL);
  else
    baken_navigator_show (self->layout.navigator);

  /* What the last resident's pages (and an old bundle) held goes back to the system,
   * after Home is drawn (below the priority of GTK's frames), while nobody waits. */
  if (self->give_back_id == 0)
    self->give_back_id = g_idle_add_full (G_PRIORITY_LOW, give_back_cb, self, NULL);
}

void
baken_resident_reset_poke (BakenResidentReset *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_RESET (self));

  baken_idle_controller_poke (self->idle);
}

void
baken_resident_reset_expire (BakenResidentReset *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_RESET (self));

  baken_idle_controller_expire (self->idle);
}

void
baken_resident_reset_relabel (BakenResidentReset *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_RESET (self));

  if (self->content_switch != NULL)
    baken_content_switch_update_mark (self->content_switch);
}
