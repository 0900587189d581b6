/** The validated configuration records of one benchmark run; plugins receive them in their constructor. */
package dev.aiperf.api.config;
