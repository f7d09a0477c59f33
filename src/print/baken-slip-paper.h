/* baken-slip-paper.h: the papers a slip is laid out for, and their measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the renderer (baken-slip-render.c), the layout (baken-slip-layout.c) and the
 * pen that places text (baken-slip-pen.c); it calls nothing.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The paper a slip is laid out for. */
typedef enum {
  BAKEN_PAPER_RECEIPT_80MM,
  BAKEN_PAPER_A4,
  BAKEN_PAPER_A5,
} BakenPaper;

#define BAKEN_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* Receipt paper: the page width and the printable width in it. */
#define BAKEN_SLIP_RECEIPT_WIDTH_MM      80.0
#define BAKEN_SLIP_RECEIPT_PRINTABLE_MM  72.0
/* Side of the printed QR symbol (its quiet zone is extra); phones read ≥ 25 mm easily
 * at arm's length. */
#define BAKEN_SLIP_QR_RECEIPT_MM         28.0

G_END_DECLS
