/* baken-staff-controller.c: the way into staff mode, and the banner while it is on
 *
 * The way in is resident-proof: holding the kiosk's name for three seconds on the kiosk's name (nothing
 * else on screen reacts to a long press), then a PIN on a large pad. Five wrong PINs
 * lock entry for five minutes (BakenStaffSession keeps that in the state DB). While
 * staff mode is on a banner across the top says so on every screen, with "Status" and
 * "Klaar"; the window ends it at every idle reset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-staff-controller"

#include "config.h"

#include "baken-staff-controller.h"

#include <glib/gi18n.h>

#include "baken-pin-pad.h"
#include "baken-staff-banner.h"

/* How long the kiosk's name must be held (GTK 4.8's long press stops at one second). */
#define HOLD_MS 3000

struct _BakenStaffController
{
  GObject            parent_instance;

  BakenContext      *context;      /* (owned) */
  BakenStaffSession *session;      /* (unowned) the context's */
  AdwBin            *banner_slot;  /* (unowned) */
  AdwBin            *pad_slot;     /* (unowned) */
  GtkWidget         *pad;          /* (unowned) the pad while shown */
  GCancellable      *cancellable;  /* (owned) a PIN check */
  guint              hold_id;      /* GSource of a press on the name, 0 when none */
};

G_DEFINE_FINAL_TYPE (BakenStaffController, baken_staff_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_ACTIVITY,
  SIGNAL_PAD_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
close_pad (BakenStaffController *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pad == NULL)
    return;
  self->pad = NULL;
  adw_bin_set_child (self->pad_slot, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pad_slot), FALSE);
}

static char *
locked_message (BakenStaffController *self)
{
  gint64 until = baken_staff_session_get_locked_until (self->session);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (until);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, baken_local_timezone ());
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  return g_strdup_printf (_("Te vaak een verkeerde PIN. Probeer het om %s opnieuw."), time);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BakenStaffController *self = user_data;
  g_autoptr(GError) error = NULL;
  BakenStaffPinResult outcome;

  outcome = baken_staff_session_check_pin_finish (BAKEN_STAFF_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->pad == NULL)
    {
      g_object_unref (self);
      return;
    }

  baken_pin_pad_set_busy (BAKEN_PIN_PAD (self->pad), FALSE);
  if (error != NULL)
    {
      g_message ("Cannot check the staff PIN: %s", error->message);
      baken_pin_pad_set_message (BAKEN_PIN_PAD (self->pad),
                                 _("De PIN kan nu niet worden gecontroleerd."));
    }
  else if (outcome == BAKEN_STAFF_PIN_OK)
    close_pad (self);
  else if (outcome == BAKEN_STAFF_PIN_LOCKED)
    {
      g_autofree char *message = locked_message (self);

      baken_pin_pad_set_locked (BAKEN_PIN_PAD (self->pad), TRUE);
      baken_pin_pad_set_message (BAKEN_PIN_PAD (self->pad), message);
    }
  else
    {
      guint left = baken_staff_session_get_tries_left (self->session);
      g_autofree char *message =
        g_strdup_printf (ngettext ("Deze PIN klopt niet. U kunt het nog %u keer proberen.",
                                   "Deze PIN klopt niet. U kunt het nog %u keer proberen.",
                                   left), left);

      baken_pin_pad_set_message (BAKEN_PIN_PAD (self->pad), message);
    }
  g_object_unref (self);
}

static void
submitted_cb (BakenPinPad          *pad,
              const char           *pin,
              BakenStaffController *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  baken_pin_pad_set_busy (pad, TRUE);
  baken_pin_pad_set_message (pad, NULL);
  baken_staff_session_check_pin_async (self->session, pin, self->cancellable, checked_cb,
                                       g_object_ref (self));
}

static void
cancelled_cb (BakenPinPad          *pad,
              BakenStaffController *self)
{
  close_pad (self);
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

static gboolean
held_cb (gpointer user_data)
{
  BakenStaffController *self = user_data;

  self->hold_id = 0;
  baken_staff_controller_open_pad (self);
  return G_SOURCE_REMOVE;
}

static void
name_pressed_cb (GtkGestureClick      *gesture,
                 int                   n_press,
                 double                x,
                 double                y,
                 BakenStaffController *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
  self->hold_id = g_timeout_add (HOLD_MS, held_cb, self);
}

/* While the pad is open it is the only thing the keyboard reaches (Tab still moves
 * between its keys), wherever the focus was. */
static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BakenStaffController  *self)
{
  if (self->pad == NULL)
    return GDK_EVENT_PROPAGATE;
  if (baken_pin_pad_press_key (BAKEN_PIN_PAD (self->pad), keyval))
    return GDK_EVENT_STOP;
  return keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab
         ? GDK_EVENT_PROPAGATE : GDK_EVENT_STOP;
}

/* Let go, or the press turned into something else: no staff mode. */
static void
name_released_cb (BakenStaffController *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
}

static void
active_changed_cb (BakenStaffController *self)
{
  gboolean active = baken_staff_session_get_active (self->session);

  adw_bin_set_child (self->banner_slot, active ? baken_staff_banner_new () : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_slot), active);
  if (!active)
    close_pad (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
baken_staff_controller_dispose (GObject *object)
{
  BakenStaffController *self = BAKEN_STAFF_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->hold_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  self->session = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_staff_controller_parent_class)->dispose (object);
}

static void
baken_staff_controller_class_init (BakenStaffControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_staff_controller_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[SIGNAL_ACTIVITY] = g_signal_new ("activity", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[SIGNAL_PAD_SHOWN] = g_signal_new ("pad-shown", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

static void
baken_staff_controller_init (BakenStaffController *self)
{
}

BakenStaffController *
baken_staff_controller_new (const BakenStaffLayout *layout,
                            BakenContext           *context)
{
  BakenStaffController *self;
  GtkEventController *keys;
  GtkGesture *press;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);

  self = g_object_new (BAKEN_TYPE_STAFF_CONTROLLER, NULL);
  self->context = g_object_ref (context);
  self->session = baken_context_get_staff (context);
  self->banner_slot = layout->banner_slot;
  self->pad_slot = layout->pad_slot;
  gtk_widget_set_visible (GTK_WIDGET (self->banner_slot), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->pad_slot), FALSE);

  press = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (press), "baken-staff-entry");
  g_signal_connect (press, "pressed", G_CALLBACK (name_pressed_cb), self);
  g_signal_connect_swapped (press, "released", G_CALLBACK (name_released_cb), self);
  /* Not "stopped": that comes when a press outlasts a double click, which a hold does. */
  g_signal_connect_swapped (press, "cancel", G_CALLBACK (name_released_cb), self);
  g_signal_connect_swapped (press, "unpaired-release", G_CALLBACK (name_released_cb), self);
  gtk_widget_add_controller (layout->kiosk_name, GTK_EVENT_CONTROLLER (press));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "baken-staff-pad-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
  gtk_widget_add_controller (layout->window, keys);

  g_signal_connect_swapped (self->session, "notify::active", G_CALLBACK (active_changed_cb),
                            self);
  if (baken_staff_session_get_active (self->session))
    active_changed_cb (self);

  return self;
}

void
baken_staff_controller_open_pad (BakenStaffController *self)
{
  GtkWidget *pad;

  g_return_if_fail (BAKEN_IS_STAFF_CONTROLLER (self));

  if (self->pad != NULL || baken_staff_session_get_active (self->session))
    return;
  if (!baken_staff_session_get_available (self->session))
    {
      g_message ("Staff mode asked for, but no [staff] pin-hash is configured");
      return;
    }

  pad = baken_pin_pad_new ();
  g_signal_connect (pad, "submitted", G_CALLBACK (submitted_cb), self);
  g_signal_connect (pad, "cancelled", G_CALLBACK (cancelled_cb), self);
  self->pad = pad;
  adw_bin_set_child (self->pad_slot, pad);
  gtk_widget_set_visible (GTK_WIDGET (self->pad_slot), TRUE);
  if (baken_staff_session_get_locked_until (self->session) != 0)
    {
      g_autofree char *message = locked_message (self);

      baken_pin_pad_set_locked (BAKEN_PIN_PAD (pad), TRUE);
      baken_pin_pad_set_message (BAKEN_PIN_PAD (pad), message);
    }
  g_signal_emit (self, signals[SIGNAL_PAD_SHOWN], 0);
  gtk_widget_grab_focus (pad);
}

gboolean
baken_staff_controller_get_pad_visible (BakenStaffController *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_CONTROLLER (self), FALSE);

  return self->pad != NULL;
}

void
baken_staff_controller_end (BakenStaffController *self)
{
  g_return_if_fail (BAKEN_IS_STAFF_CONTROLLER (self));

  close_pad (self);
  baken_staff_session_end (self->session);
}

void
baken_staff_controller_relabel (BakenStaffController *self)
{
  g_return_if_fail (BAKEN_IS_STAFF_CONTROLLER (self));

  if (baken_staff_session_get_active (self->session))
    adw_bin_set_child (self->banner_slot, baken_staff_banner_new ());
  if (self->pad != NULL)
    {
      close_pad (self);
      baken_staff_controller_open_pad (self);
    }
}
