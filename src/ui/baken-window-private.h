/* baken-window-private.h: what the parts of BakenWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-idle.h"
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

/* baken-window-content.c */
void     _baken_window_content_init    (BakenWindow *self);
void     _baken_window_content_dispose (BakenWindow *self);
/* Between residents: switch to a bundle that waits, if any. */
void     _baken_window_content_reset   (BakenWindow *self);

G_END_DECLS
