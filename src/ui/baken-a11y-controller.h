/* baken-a11y-controller.h: read aloud, text size, contrast, reach and the language picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-reach-bin.h"
#include "baken-speaker.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_A11Y_CONTROLLER (baken_a11y_controller_get_type ())

G_DECLARE_FINAL_TYPE (BakenA11yController, baken_a11y_controller, BAKEN, A11Y_CONTROLLER, GObject)

/* The parts of the window the settings change (all unowned, in the window). */
typedef struct
{
  GtkWidget     *window;       /* classes for text size, contrast, reach */
  GtkStack      *stack;        /* its visible child is the page */
  GtkWidget     *topbar;       /* comes down with "Alles lager" */
  BakenReachBin *reach_bin;
  AdwBin        *bar_slot;     /* holds the bar of create_bar () */
  AdwBin        *picker_slot;  /* the language picker, over the page */
  AdwBin        *prompt_slot;  /* the idle prompt, over the page */
} BakenA11yLayout;

/* What "Lees voor" says now (NULL: nothing). */
typedef char *(*BakenSpeechTextFunc) (gpointer user_data);

/* Takes text that the page says by itself (TRUE) to say it another way; FALSE: say it
 * as it is. */
typedef gboolean (*BakenA11ySayFunc) (const char *text,
                                      gpointer    user_data);

/* Installs the "a11y" action group on layout->window. The signal "activity" says
 * the resident changed something (an action of the group). */
BakenA11yController *baken_a11y_controller_new           (const BakenA11yLayout *layout,
                                                          const char * const    *languages,
                                                          gboolean               kiosk,
                                                          BakenSpeechTextFunc    text_func,
                                                          gpointer               user_data);

/* Everything back off: speech, text size, contrast, reach, the language picker. */
void                 baken_a11y_controller_reset         (BakenA11yController   *self);
gboolean             baken_a11y_controller_is_default    (BakenA11yController   *self);
/* The bar for the chrome, in the current language. */
GtkWidget           *baken_a11y_controller_create_bar    (BakenA11yController   *self);
/* The UI language changed: text direction; the picker closes. */
void                 baken_a11y_controller_set_language  (BakenA11yController   *self,
                                                          const char            *language);
/* A new page is shown: fits it to the reach and follows what it says. */
void                 baken_a11y_controller_page_shown    (BakenA11yController   *self);
/* Reads the page when reading aloud, else is silent (the old speech stops). */
void                 baken_a11y_controller_read_page     (BakenA11yController   *self);
/* --open a11y:STEP: read-aloud, large, very-large, contrast, low-reach, languages. */
gboolean             baken_a11y_controller_open          (BakenA11yController   *self,
                                                          const char            *step,
                                                          GError               **error);

/* Read-aloud off, and what is said now stops. */
void                 baken_a11y_controller_stop_reading  (BakenA11yController   *self);
gboolean             baken_a11y_controller_get_read_aloud (BakenA11yController  *self);
/* Read-aloud on, without reading the page (speech mode says where the resident is). */
void                 baken_a11y_controller_read_aloud_quietly (BakenA11yController *self);
/* What "Lees voor" would say now. */
char                *baken_a11y_controller_dup_text      (BakenA11yController   *self);
/* Says text (nullable) in the current language, stopping what was said before. */
void                 baken_a11y_controller_say           (BakenA11yController   *self,
                                                          const char            *text);
/* What a page says by itself while reading aloud (a new state, "a11y.say") goes to func
 * first (NULL: none). */
void                 baken_a11y_controller_set_say_func  (BakenA11yController   *self,
                                                          BakenA11ySayFunc       func,
                                                          gpointer               user_data);
BakenSpeaker        *baken_a11y_controller_get_speaker   (BakenA11yController   *self);

G_END_DECLS
