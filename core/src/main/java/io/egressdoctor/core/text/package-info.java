/** Text from logs and file names made safe to show: control characters written visibly. */
package io.egressdoctor.core.text;
