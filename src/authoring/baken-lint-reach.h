/* baken-lint-reach.h: can residents reach an active service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* public-channel: a shown service without a public phone or channel (error). */
void baken_lint_check_public_channels (BakenLintContext *lint);
/* life-event-services: a life event that leads to no active service, not even through
 * its sub-events (error). */
void baken_lint_check_life_events     (BakenLintContext *lint);

G_END_DECLS
