/* baken-invitation.c: now and then, softly, an invitation to the keypad and headset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A blind resident who passes the kiosk cannot see that it can speak. With [keypad]
 * invite-every set, the kiosk says now and then, at a low volume, that it reads
 * everything aloud through the keypad or a headset. Only while it is at rest on Home:
 * never while someone uses it (a setting switched on, another page, the idle prompt),
 * never in speech mode, never over other speech. Off by default: in a quiet library
 * reading room a voice every few minutes disturbs; in a busy town hall it is not heard
 * above the room, and every few minutes is right (kiosk.conf.example).
 */
#define G_LOG_DOMAIN "baken-invitation"

#include "config.h"

#include "baken-invitation.h"

#include <glib/gi18n.h>

struct _BakenInvitation
{
  GObject                  parent_instance;

  BakenSpeaker            *speaker;   /* (owned) */
  char                    *language;  /* (owned) */
  BakenInvitationRestFunc  at_rest;
  gpointer                 at_rest_data;
  guint                    timer_id;  /* GSource */
};

G_DEFINE_FINAL_TYPE (BakenInvitation, baken_invitation, G_TYPE_OBJECT)

static gboolean
timer_cb (gpointer user_data)
{
  BakenInvitation *self = user_data;
  g_autofree char *text = NULL;

  if (!self->at_rest (self->at_rest_data) || baken_speaker_get_speaking (self->speaker))
    return G_SOURCE_CONTINUE;

  text = baken_invitation_dup_text ();
  baken_speaker_speak_softly (self->speaker, text, self->language);

  return G_SOURCE_CONTINUE;
}

static void
baken_invitation_dispose (GObject *object)
{
  BakenInvitation *self = BAKEN_INVITATION (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->speaker);

  G_OBJECT_CLASS (baken_invitation_parent_class)->dispose (object);
}

static void
baken_invitation_finalize (GObject *object)
{
  BakenInvitation *self = BAKEN_INVITATION (object);

  g_free (self->language);

  G_OBJECT_CLASS (baken_invitation_parent_class)->finalize (object);
}

static void
baken_invitation_class_init (BakenInvitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_invitation_dispose;
  object_class->finalize = baken_invitation_finalize;
}

static void
baken_invitation_init (BakenInvitation *self)
{
}

BakenInvitation *
baken_invitation_new (BakenSpeaker            *speaker,
                      const char              *language,
                      gint64                   interval_us,
                      BakenInvitationRestFunc  at_rest,
                      gpointer                 user_data)
{
  BakenInvitation *self;

  g_return_val_if_fail (BAKEN_IS_SPEAKER (speaker), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (interval_us > 0, NULL);
  g_return_val_if_fail (at_rest != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_INVITATION, NULL);
  self->speaker = g_object_ref (speaker);
  self->language = g_strdup (language);
  self->at_rest = at_rest;
  self->at_rest_data = user_data;
  self->timer_id = g_timeout_add ((guint) CLAMP (interval_us / 1000, 1, G_MAXUINT), timer_cb,
                                  self);

  return self;
}

char *
baken_invitation_dup_text (void)
{
  /* Translators: said softly now and then at the kiosk's start screen, to a passer-by
   * who cannot see it: the keypad beside the screen, or a headset, makes it speak */
  return g_strdup (_("Wilt u alles horen? Druk op een toets van het toetsenblok. Of sluit "
                     "uw koptelefoon aan."));
}
