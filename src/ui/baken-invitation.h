/* baken-invitation.h: now and then, softly, an invitation to the keypad and headset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-speaker.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_INVITATION (baken_invitation_get_type ())

G_DECLARE_FINAL_TYPE (BakenInvitation, baken_invitation, BAKEN, INVITATION, GObject)

/* Whether the kiosk is at rest on Home, nobody using it, speech mode off. */
typedef gboolean (*BakenInvitationRestFunc) (gpointer user_data);

/* Every interval_us (> 0), while at_rest says so and nothing else is being said, says
 * the invitation softly through speaker in language (the kiosk's default, as at rest). */
BakenInvitation *baken_invitation_new (BakenSpeaker            *speaker,
                                       const char              *language,
                                       gint64                   interval_us,
                                       BakenInvitationRestFunc  at_rest,
                                       gpointer                 user_data);

/* The text, in the current language of gettext. */
char            *baken_invitation_dup_text (void);

G_END_DECLS
