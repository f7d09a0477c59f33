/* baken-context.h: what the UI runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One BakenContext is built by the application and handed to the window as a
 * construct-only property. Pages get what they need from it; nothing below the window
 * looks up the application.
 */
#pragma once

#include <gio/gio.h>

#include "baken-catalog.h"
#include "baken-config.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_CONTEXT (baken_context_get_type ())

G_DECLARE_FINAL_TYPE (BakenContext, baken_context, BAKEN, CONTEXT, GObject)

/* Resource path of the embedded demo content DB. */
#define BAKEN_DEMO_CONTENT_RESOURCE "/nl/baken/Kiosk/content/demo.sqlite"

BakenContext *baken_context_new         (BakenConfig   *config,
                                         BakenCatalog  *catalog);
/* Opens config->content_path, or the embedded demo content when it is NULL. */
BakenContext *baken_context_load        (BakenConfig   *config,
                                         GError       **error);

BakenConfig  *baken_context_get_config  (BakenContext  *self);
BakenCatalog *baken_context_get_catalog (BakenContext  *self);

G_END_DECLS
