/* baken-idle-controller.h: "Bent u er nog?" and the reset between residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_IDLE_CONTROLLER (baken_idle_controller_get_type ())

G_DECLARE_FINAL_TYPE (BakenIdleController, baken_idle_controller, BAKEN, IDLE_CONTROLLER, GObject)

/* Whether the kiosk is at rest (Home, default language, nothing switched on): then
 * nobody needs to be asked whether they are still there. */
typedef gboolean (*BakenIdleRestFunc) (gpointer user_data);

/* Watches the input of widget (capture phase) and shows the prompt in prompt_slot;
 * covered (the page and its bars) is not drawn while it shows. Signals: "prompt-shown"
 * when the prompt appears, "prompt-reminder" near the end of the countdown (say it
 * again), "expired" when the countdown ran out (reset the kiosk for the next
 * resident). */
BakenIdleController *baken_idle_controller_new        (GtkWidget           *widget,
                                                       AdwBin              *prompt_slot,
                                                       GtkWidget           *covered,
                                                       gint64               timeout_us,
                                                       gint64               countdown_us,
                                                       gint64               second_us,
                                                       BakenIdleRestFunc    at_rest,
                                                       gpointer             user_data);

/* Something happened: a tap, a key, a new page. */
void                 baken_idle_controller_poke       (BakenIdleController *self);
/* Re-decide now. */
void                 baken_idle_controller_update     (BakenIdleController *self);
/* Pretend the last input was one timeout ago (for "idle:prompt"). */
void                 baken_idle_controller_expire     (BakenIdleController *self);
/* A new time without input before the prompt (staff mode has its own, shorter one). */
void                 baken_idle_controller_set_timeout (BakenIdleController *self,
                                                        gint64               timeout_us);
/* Speech is playing (busy): the time without input does not run until it ends. */
void                 baken_idle_controller_set_busy   (BakenIdleController *self,
                                                       gboolean             busy);
/* The prompt while shown, else NULL. */
GtkWidget           *baken_idle_controller_get_prompt (BakenIdleController *self);

G_END_DECLS
