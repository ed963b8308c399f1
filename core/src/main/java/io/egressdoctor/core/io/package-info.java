/** File-system helpers every module needs the same way: removing the temporary trees it made. */
package io.egressdoctor.core.io;
