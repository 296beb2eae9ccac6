/**
 * The most images one bulk action takes (share, ZIP, delete, favourite), and so the most that
 * "Select all in this filter" selects. One number, so the selection never holds more than an
 * action accepts. Browser-safe.
 */
export const BULK_MAX_IMAGES = 500;
