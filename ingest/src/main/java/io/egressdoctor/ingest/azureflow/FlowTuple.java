package io.egressdoctor.ingest.azureflow;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;

/**
 * One flow tuple, the comma-separated string of a flow log. NSG flow logs (version 1 has the first
 * eight values, version 2 adds the flow state and counters): {@code
 * time,srcIP,dstIP,srcPort,dstPort,protocol T|U,direction I|O,decision A|D[,state B|C|E,packets and
 * bytes]}. VNet flow logs: {@code time(ms),srcIP,dstIP,srcPort,dstPort,protocol number, direction
 * I|O,state B|C|E|D,encryption,packets and bytes}, where state D is a denied flow.
 */
final class FlowTuple {

  private FlowTuple() {}

  /** Fills the event from the tuple; the problem when the tuple cannot be read, else null. */
  static String read(String tuple, boolean vnet, Event.Builder b) {
    String[] v = tuple.split(",", -1);
    if (v.length < 8) {
      return "a flow tuple has " + v.length + " values, expected at least 8";
    }
    Long time = number(v[0]);
    if (time == null) {
      return "bad flow tuple time '" + v[0] + "'";
    }
    b.timestamp(vnet || time > 100_000_000_000L ? time : time * 1000);
    if (!address(b, v[1], true) || !address(b, v[2], false)) {
      return "bad address in flow tuple";
    }
    port(b, v[3], true);
    port(b, v[4], false);
    String transport = transport(v[5]);
    if (transport != null) {
      b.set(Fields.NETWORK_TRANSPORT, transport);
    }
    String direction =
        switch (v[6]) {
          case "I" -> "inbound";
          case "O" -> "outbound";
          default -> null;
        };
    if (direction != null) {
      b.set(Fields.get("labels.direction"), direction);
    }
    // NSG: the decision A|D; VNet: the flow state, D for a denied flow.
    boolean denied = v[7].equals("D");
    String state = vnet ? v[7] : v.length > 8 ? v[8] : "";
    b.set(Fields.EVENT_ACTION, denied ? "deny" : "allow");
    b.add(Fields.EVENT_TYPE, denied ? "denied" : "allowed");
    if (denied) {
      b.set(Fields.EVENT_OUTCOME, "failure");
    }
    String stateName =
        switch (state) {
          case "B" -> "begin";
          case "C" -> "continue";
          case "E" -> "end";
          case "D" -> "deny";
          default -> null;
        };
    if (stateName != null) {
      b.set(Fields.get("labels.flow_state"), stateName);
    }
    bytes(b, v, 10, 12);
    return null;
  }

  private static boolean address(Event.Builder b, String ip, boolean source) {
    if (!IpAddresses.isLiteral(ip)) {
      return false;
    }
    b.set(source ? Fields.SOURCE_IP : Fields.DESTINATION_IP, ip);
    if (!source) {
      b.set(Fields.DESTINATION_ADDRESS, ip);
    }
    b.add(Fields.RELATED_IP, ip);
    return true;
  }

  private static void port(Event.Builder b, String text, boolean source) {
    Long p = number(text);
    if (p != null && p > 0 && p <= 65535) {
      b.set(source ? Fields.SOURCE_PORT : Fields.DESTINATION_PORT, p);
    }
  }

  private static String transport(String p) {
    return switch (p) {
      case "T", "6" -> "tcp";
      case "U", "17" -> "udp";
      case "1" -> "icmp";
      default -> null;
    };
  }

  /** Bytes source to destination and back, where the tuple carries them. */
  private static void bytes(Event.Builder b, String[] v, int toDest, int toSource) {
    Long a = v.length > toDest ? number(v[toDest]) : null;
    Long c = v.length > toSource ? number(v[toSource]) : null;
    if (a != null || c != null) {
      b.set(Fields.NETWORK_BYTES, (a == null ? 0 : a) + (c == null ? 0 : c));
    }
  }

  private static Long number(String s) {
    if (s.isEmpty() || s.length() > 19) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(s);
  }
}
