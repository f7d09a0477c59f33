/* baken-flow.h: small items side by side, wrapping to a new line like words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_FLOW (baken_flow_get_type ())

G_DECLARE_FINAL_TYPE (BakenFlow, baken_flow, BAKEN, FLOW, GtkWidget)

GtkWidget *baken_flow_new                (void);
void       baken_flow_append             (BakenFlow *self,
                                          GtkWidget *child);
int        baken_flow_get_column_spacing (BakenFlow *self);
void       baken_flow_set_column_spacing (BakenFlow *self,
                                          int        spacing);
int        baken_flow_get_row_spacing    (BakenFlow *self);
void       baken_flow_set_row_spacing    (BakenFlow *self,
                                          int        spacing);
/* Lines of the last allocation (0 before the first); for tests. */
guint      baken_flow_get_lines          (BakenFlow *self);

G_END_DECLS
