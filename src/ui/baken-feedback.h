/* baken-feedback.h: "Heeft dit u geholpen?" and "Klopt er iets niet?", one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HELPED asks with three large faces (ja, een beetje, nee); WRONG is one button that
 * opens five reasons (telefoonnummer, adres, openingstijden, bestaat niet meer, iets
 * anders). One tap counts the answer for the service (baken_context_count (): never in
 * staff mode), shows "Dank u wel!" (said through the action "a11y.say" when read-aloud
 * is on) and the question goes away by itself a few seconds later. Every answer is a
 * button: the keypad and the keyboard reach it like any other.
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"

G_BEGIN_DECLS

typedef enum {
  BAKEN_FEEDBACK_HELPED,
  BAKEN_FEEDBACK_WRONG,
} BakenFeedbackKind;

/* How long "Dank u wel!" stays before the question goes away. */
#define BAKEN_FEEDBACK_THANKS_MS 4000

#define BAKEN_TYPE_FEEDBACK (baken_feedback_get_type ())

G_DECLARE_FINAL_TYPE (BakenFeedback, baken_feedback, BAKEN, FEEDBACK, GtkWidget)

GtkWidget *baken_feedback_new          (BakenContext      *context,
                                        BakenFeedbackKind  kind,
                                        const char        *service_id);
/* The question the answer buttons shown now belong to ("Heeft dit u geholpen?", "Wat
 * klopt er niet?"), said before the first of them; NULL when the one control says it
 * all ("Klopt er iets niet?", "Dank u wel!"). */
const char *baken_feedback_get_question (BakenFeedback     *self);
/* Whether widget is part of what is asked now (not of a question going away). */
gboolean    baken_feedback_shows        (BakenFeedback     *self,
                                         GtkWidget         *widget);
/* Whether it was answered (for tests). */
gboolean   baken_feedback_get_answered (BakenFeedback     *self);
/* Whether it still asks its first question, as when it was built: not answered, not
 * gone, the reasons not opened. */
gboolean   baken_feedback_is_untouched (BakenFeedback     *self);

G_END_DECLS
