/** Events: parsed log lines with typed ECS fields, original text and origin. */
package io.egressdoctor.core.event;
