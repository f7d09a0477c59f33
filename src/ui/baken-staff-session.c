/* baken-staff-session.c: whether staff mode is on, and the PIN that opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN is checked against the argon2id hash of kiosk.conf in a worker thread and
 * wiped from memory right after. What is kept (in the state DB, so a restart does not
 * reset it) is only how many wrong PINs came in a row and until when entry is locked.
 */
#define G_LOG_DOMAIN "baken-staff-session"

#include "config.h"

#include "baken-staff-session.h"

#include <string.h>

#include "baken-pin.h"

struct _BakenStaffSession
{
  GObject      parent_instance;

  char        *pin_hash;      /* (owned) (nullable) */
  BakenState  *state;         /* (owned) (nullable) */
  BakenClock  *clock;         /* (owned) */

  char        *note;          /* (owned) (nullable) the handover note being printed */
  gboolean     active;
  gboolean     checking;
  guint        failures;
  gint64       locked_until;
};

G_DEFINE_FINAL_TYPE (BakenStaffSession, baken_staff_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char    *hash;
  char     pin[BAKEN_PIN_MAX_DIGITS + 1];
} Check;

static void
check_free (Check *check)
{
  memset (check->pin, 0, sizeof check->pin);
  g_free (check->hash);
  g_free (check);
}

static void
wipe_note (BakenStaffSession *self)
{
  if (self->note != NULL)
    memset (self->note, 0, strlen (self->note));
  g_clear_pointer (&self->note, g_free);
}

static void
set_active (BakenStaffSession *self,
            gboolean           active)
{
  if (!active)
    wipe_note (self);
  if (self->active == active)
    return;
  self->active = active;
  g_info ("Staff mode %s", active ? "on" : "off");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
save_lock (BakenStaffSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->state != NULL &&
      !baken_state_set_staff_lock (self->state, self->failures, self->locked_until, &error))
    g_message ("Cannot keep the staff PIN lock in the state DB: %s", error->message);
}

static gboolean
is_locked (BakenStaffSession *self)
{
  if (self->locked_until == 0)
    return FALSE;
  if (baken_clock_get_unix (self->clock) < self->locked_until)
    return TRUE;
  /* The lock ran out: a fresh set of tries. */
  self->locked_until = 0;
  self->failures = 0;
  save_lock (self);
  return FALSE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;

  g_task_return_boolean (task, baken_pin_verify (check->hash, check->pin));
}

static void
baken_staff_session_finalize (GObject *object)
{
  BakenStaffSession *self = BAKEN_STAFF_SESSION (object);

  wipe_note (self);
  g_free (self->pin_hash);
  g_clear_object (&self->state);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (baken_staff_session_parent_class)->finalize (object);
}

static void
baken_staff_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BakenStaffSession *self = BAKEN_STAFF_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_staff_session_class_init (BakenStaffSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baken_staff_session_finalize;
  object_class->get_property = baken_staff_session_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_staff_session_init (BakenStaffSession *self)
{
}

BakenStaffSession *
baken_staff_session_new (const char *pin_hash,
                         BakenState *state,
                         BakenClock *clock)
{
  BakenStaffSession *self;

  g_return_val_if_fail (state == NULL || BAKEN_IS_STATE (state), NULL);
  g_return_val_if_fail (BAKEN_IS_CLOCK (clock), NULL);

  self = g_object_new (BAKEN_TYPE_STAFF_SESSION, NULL);
  self->pin_hash = g_strdup (pin_hash);
  self->state = state != NULL ? g_object_ref (state) : NULL;
  self->clock = g_object_ref (clock);

  if (state != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!baken_state_get_staff_lock (state, &self->failures, &self->locked_until, &error))
        {
          /* Better locked than open: an unreadable lock counts as a fresh lock. */
          g_message ("Cannot read the staff PIN lock: %s; locking entry for now",
                     error->message);
          self->failures = BAKEN_STAFF_MAX_TRIES;
          self->locked_until = baken_clock_get_unix (clock) + BAKEN_STAFF_LOCK_SECONDS;
        }
    }
  return self;
}

gboolean
baken_staff_session_get_available (BakenStaffSession *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_SESSION (self), FALSE);

  return self->pin_hash != NULL;
}

gboolean
baken_staff_session_get_active (BakenStaffSession *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_SESSION (self), FALSE);

  return self->active;
}

gint64
baken_staff_session_get_locked_until (BakenStaffSession *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_SESSION (self), 0);

  return is_locked (self) ? self->locked_until : 0;
}

guint
baken_staff_session_get_tries_left (BakenStaffSession *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_SESSION (self), 0);

  if (is_locked (self))
    return 0;
  return self->failures >= BAKEN_STAFF_MAX_TRIES ? 0 : BAKEN_STAFF_MAX_TRIES - self->failures;
}

void
baken_staff_session_check_pin_async (BakenStaffSession   *self,
                                     const char          *pin,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Check *check;

  g_return_if_fail (BAKEN_IS_STAFF_SESSION (self));
  g_return_if_fail (pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, baken_staff_session_check_pin_async);

  if (self->pin_hash == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "No [staff] pin-hash is configured");
      return;
    }
  if (self->checking)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               "A PIN is being checked already");
      return;
    }
  if (is_locked (self))
    {
      g_task_return_int (task, BAKEN_STAFF_PIN_LOCKED);
      return;
    }

  check = g_new0 (Check, 1);
  check->hash = g_strdup (self->pin_hash);
  g_strlcpy (check->pin, pin, sizeof check->pin);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  self->checking = TRUE;
  g_task_run_in_thread (task, check_thread);
}

BakenStaffPinResult
baken_staff_session_check_pin_finish (BakenStaffSession  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) local_error = NULL;
  gboolean matched;

  g_return_val_if_fail (g_task_is_valid (result, self), BAKEN_STAFF_PIN_WRONG);

  /* Returned early (locked, or no hash): an int or an error, never a thread result. */
  if (g_task_get_task_data (task) == NULL)
    {
      gssize early = g_task_propagate_int (task, error);

      return early < 0 ? BAKEN_STAFF_PIN_WRONG : (BakenStaffPinResult) early;
    }

  self->checking = FALSE;
  matched = g_task_propagate_boolean (task, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return BAKEN_STAFF_PIN_WRONG;
    }

  if (matched)
    {
      self->failures = 0;
      self->locked_until = 0;
      save_lock (self);
      set_active (self, TRUE);
      return BAKEN_STAFF_PIN_OK;
    }

  self->failures++;
  g_message ("A wrong staff PIN (%u in a row)", self->failures);
  if (self->failures >= BAKEN_STAFF_MAX_TRIES)
    self->locked_until = baken_clock_get_unix (self->clock) + BAKEN_STAFF_LOCK_SECONDS;
  save_lock (self);
  return self->locked_until != 0 ? BAKEN_STAFF_PIN_LOCKED : BAKEN_STAFF_PIN_WRONG;
}

void
baken_staff_session_start_unlocked (BakenStaffSession *self)
{
  g_return_if_fail (BAKEN_IS_STAFF_SESSION (self));

  set_active (self, TRUE);
}

void
baken_staff_session_end (BakenStaffSession *self)
{
  g_return_if_fail (BAKEN_IS_STAFF_SESSION (self));

  set_active (self, FALSE);
}

void
baken_staff_session_set_note (BakenStaffSession *self,
                              const char        *note)
{
  g_return_if_fail (BAKEN_IS_STAFF_SESSION (self));

  wipe_note (self);
  if (self->active && note != NULL && *note != '\0')
    self->note = g_strdup (note);
}

const char *
baken_staff_session_get_note (BakenStaffSession *self)
{
  g_return_val_if_fail (BAKEN_IS_STAFF_SESSION (self), NULL);

  return self->note;
}
