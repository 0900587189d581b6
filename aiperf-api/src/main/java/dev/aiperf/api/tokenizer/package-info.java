/** The tokenizer a run counts and sizes tokens with, as plugins receive it in their context. */
package dev.aiperf.api.tokenizer;
