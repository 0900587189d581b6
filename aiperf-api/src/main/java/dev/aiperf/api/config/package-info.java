/** The validated configuration records of one benchmark run; plugins receive them in their constructor's context. */
package dev.aiperf.api.config;
