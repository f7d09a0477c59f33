/* baken-window-private.h: what the parts of BakenWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-idle.h"
#include "baken-keypad.h"
#include "baken-reach-bin.h"
#include "baken-speaker.h"
#include "baken-text-size.h"
#include "baken-window.h"

G_BEGIN_DECLS

struct _BakenWindow
{
  AdwApplicationWindow  parent_instance;

  /* Inputs */
  BakenContext         *context;          /* (owned) */
  gboolean              kiosk;
  double                idle_scale;

  /* Template children */
  GtkLabel             *kiosk_name;
  GtkBox               *language_box;
  GtkStack             *stack;
  AdwBin               *nav_slot;
  AdwBin               *prompt_slot;
  GtkWidget            *topbar;
  BakenReachBin        *reach_bin;
  AdwBin               *a11y_slot;
  AdwBin               *picker_slot;
  AdwBin               *search_slot;
  AdwBin               *status_slot;

  /* Navigation */
  char                 *language;         /* (owned) */
  GPtrArray            *history;          /* (owned) (element-type Location) */
  GtkWidget            *page;             /* (unowned) the visible page in stack */
  guint                 page_serial;

  /* Idle */
  BakenIdlePolicy       idle_policy;
  gint64                last_input;       /* monotonic µs */
  guint                 idle_timeout_id;  /* GSource, 0 when none */
  GtkWidget            *idle_prompt;      /* (unowned) in prompt_slot, or NULL */

  /* Accessibility (baken-window-a11y.c); all reset between residents */
  GSimpleActionGroup   *a11y_actions;     /* (owned) "a11y.*" */
  BakenSpeaker         *speaker;          /* (owned) */
  gboolean              read_aloud;
  BakenTextSize         text_size;
  gboolean              high_contrast;
  gboolean              low_reach;
  GtkLabel             *language_label;   /* (unowned) on the language button, or NULL */

  /* Keypad and speech mode (baken-window-keypad.c) */
  BakenKeypad          *keypad;           /* (owned) */
  gboolean              keypad_used;      /* speech mode: read-aloud switched on by a key */
  gboolean              speech_quiet;     /* a change that the keypad says itself */
  guint                 focus_speech_id;  /* GSource: says the focus once settled, or 0 */

  /* Search */
  guint                 prepare_search_id; /* GSource, 0 when done */

  /* Content */
  GdkFrameClock        *content_clock;    /* (owned) (nullable) while content_paint_id */
  gulong                content_paint_id; /* reports the new content shown once drawn */
};

/* baken-window.c */
gboolean _baken_window_is_at_rest   (BakenWindow *self);
void     _baken_window_reset        (BakenWindow *self);

/* baken-window-idle.c */
void     _baken_window_idle_init    (BakenWindow *self);
void     _baken_window_idle_dispose (BakenWindow *self);
/* Something happened: a tap, a key, a new page. */
void     _baken_window_idle_poke    (BakenWindow *self);
/* Re-decide now (after a reset or a language change rebuilt the prompt). */
void     _baken_window_idle_update  (BakenWindow *self);
/* Pretend the last input was one timeout ago (for "idle:prompt"). */
void     _baken_window_idle_expire  (BakenWindow *self);

/* baken-window-a11y.c */
void       _baken_window_a11y_init             (BakenWindow *self);
void       _baken_window_a11y_dispose          (BakenWindow *self);
/* Everything back off: speech, text size, contrast, reach, the language picker. */
void       _baken_window_a11y_reset            (BakenWindow *self);
gboolean   _baken_window_a11y_is_default       (BakenWindow *self);
/* The bar for the chrome, in the current language. */
GtkWidget *_baken_window_a11y_bar_new          (BakenWindow *self);
/* The top-bar button that opens the language picker. */
GtkWidget *_baken_window_a11y_language_button_new (BakenWindow *self);
/* A new page is shown: read it when reading aloud, else stay silent. */
void       _baken_window_a11y_page_shown       (BakenWindow *self);
/* "Bent u er nog?" appeared. */
void       _baken_window_a11y_prompt_shown     (BakenWindow *self);
/* The UI language changed: text direction, the language button. */
void       _baken_window_a11y_language_changed (BakenWindow *self);
/* --open a11y:STEP: read-aloud, large, very-large, contrast, low-reach, languages. */
gboolean   _baken_window_a11y_open             (BakenWindow *self,
                                                const char  *step,
                                                GError     **error);

/* baken-window-keypad.c */
void     _baken_window_keypad_init      (BakenWindow     *self);
void     _baken_window_keypad_dispose   (BakenWindow     *self);
/* A key: when it is a keypad key, does what it says and returns TRUE. */
gboolean _baken_window_keypad_press     (BakenWindow     *self,
                                         guint            keyval,
                                         GdkModifierType  state);
/* A new page is shown: in speech mode, focuses its first choice and says the screen
 * (TRUE); else FALSE. */
gboolean _baken_window_keypad_page_shown (BakenWindow    *self);
/* baken-window-focus.c */
void     _baken_window_focus_init       (BakenWindow      *self);
/* A new page is shown: name it, and put focus on its first choice (or Begin). */
void     _baken_window_focus_page_shown (BakenWindow      *self);
/* Up and Down: the next or previous control, as Tab and Shift+Tab. */
void     _baken_window_focus_move       (BakenWindow      *self,
                                         GtkDirectionType  direction);

/* baken-window-content.c */
void     _baken_window_content_init    (BakenWindow *self);
void     _baken_window_content_dispose (BakenWindow *self);
/* Between residents: switch to a bundle that waits, if any. */
void     _baken_window_content_reset   (BakenWindow *self);

G_END_DECLS
