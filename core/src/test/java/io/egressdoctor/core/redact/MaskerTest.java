package io.egressdoctor.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTest {

  private static String masked(Redaction level, String text) {
    Masker m = new Masker(level);
    m.learnText(text);
    return m.mask(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          access key AKIA        | key AKIAIOSFODNN7EXAMPLE used       | AKIAIOSFODNN7EXAMPLE
          access key ASIA        | ASIAQ3EGRX5BOPSEXAMP,x               | ASIAQ3EGRX5BOPSEXAMP
          user id AIDA (21)      | "principalId":"AIDAQ3EGRX5BEXAMPLE01" | AIDAQ3EGRX5BEXAMPLE01
          role id AROA (21)      | AROAQ3EGRX5BOPSEXAMP1:session        | AROAQ3EGRX5BOPSEXAMP1
          group id AGPA (21)     | group AGPAJQABLZS4A3QDU576Q          | AGPAJQABLZS4A3QDU576Q
          policy id ANPA (21)    | policy ANPAJ2UCCR6DPCEXAMPLE1        | ANPAJ2UCCR6DPCEXAMPLE1
          version id ANVA (21)   | version ANVAJ2UCCR6DPCEXAMPLE1       | ANVAJ2UCCR6DPCEXAMPLE1
          certificate ASCA (21)  | cert ASCAJ2UCCR6DPCEXAMPLE1          | ASCAJ2UCCR6DPCEXAMPLE1
          account in ARN         | arn:aws:iam::444455556666:role/x     | 444455556666
          account in path        | AWSLogs/444455556666/CloudTrail/x    | 444455556666
          account in org path    | AWSLogs/o-aa111bb222/444455556666/CloudTrail | 444455556666
          account in file name   | 444455556666_CloudTrail_us-east-1_20240501T0000Z_ab.json.gz | 444455556666
          account setting        | accountId=444455556666               | 444455556666
          IAM user in ARN        | arn:aws:iam::444455556666:user/ops/carol-admin | carol-admin
          session name           | arn:aws:sts::444455556666:assumed-role/r/dave.session | dave.session
          CloudTrail userName    | "userName": "erin-mgn"               | erin-mgn
          proxy user setting     | ProxyUserName=svc-frank              | svc-frank
          URL user               | http://svc-gina:pw@proxy:3128/       | svc-gina
          """)
  void identitiesAreMaskedOnlyWhenAsked(String kind, String text, String value) {
    assertThat(masked(Redaction.IDENTITIES, text)).as(kind).doesNotContain(value).contains("{");
    assertThat(masked(Redaction.NONE, text)).as(kind).contains(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          URL password             | export https_proxy=http://svc:Pa55w0rd!@proxy.example.com:3128/ | Pa55w0rd!
          URL password with @ and : | HTTPS_PROXY="http://svc:p@ss:w0rd@10.20.0.8:3128"            | p@ss:w0rd
          proxy URL without scheme | HTTP_PROXY=user:s3cr3tpw@proxy:3128                             | s3cr3tpw
          Basic credentials        | Proxy-Authorization: Basic c3ZjOkh1bnRlcjI=                     | c3ZjOkh1bnRlcjI=
          Bearer credentials       | Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln | eyJhbGciOiJSUzI1NiJ9
          Negotiate credentials    | proxy-authorization: Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag==   | YIIGhgYGKwYBBQUCoIIGejCCBnag
          NTLM credentials         | Proxy-Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAA      | TlRMTVNTUAABAAAAB4IIogAAAAAAAAAA
          ProxyPassword setting    | ProxyPassword=Hunter2isMine                                      | Hunter2isMine
          quoted JSON password     | `  "ProxyPassword": "hunter2 spaced",`                           | hunter2 spaced
          PROXY_PASS               | PROXY_PASS=Hunter2                                               | Hunter2
          PROXY_AUTH               | proxy_auth = svc:Hunter2                                         | svc:Hunter2
          *_SECRET                 | AZURE_CLIENT_SECRET=Q1w2E3r4~T5y6U7i8                            | Q1w2E3r4~T5y6U7i8
          *_TOKEN                  | GITHUB_TOKEN=ghp_0123456789abcdefghijklmnop                      | ghp_0123456789abcdefghijklmnop
          secret key option        | aws configure --aws-secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY --x | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          secret key setting       | aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          secret key alone         | keys AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          session token setting    | AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLEtokenvalue//////////wEaDH  | FwoGZXIvYXdzEXAMPLEtokenvalue
          session token alone      | token IQoJb3JpZ2luX2VjEXAMPLEtokenvalueAAAA in a log            | IQoJb3JpZ2luX2VjEXAMPLEtokenvalueAAAA
          presigned signature      | GET https://b.s3.amazonaws.com/k?X-Amz-Signature=abcdef0123456789&X-Amz-Date=1 | abcdef0123456789
          presigned token          | /k?X-Amz-Security-Token=IQoJbTokenPart%2Fmore&X-Amz-Signature=aa | IQoJbTokenPart
          CloudTrail newPassword   | {"requestParameters":{"userName":"bob","newPassword":"N3wPassw0rd!"}} | N3wPassw0rd!
          CloudTrail secret key    | {"responseElements":{"accessKey":{"secretAccessKey":"abc/DEF+ghi"}}} | abc/DEF+ghi
          """)
  void credentialsAreMaskedAtEveryLevel(String kind, String text, String value) {
    for (Redaction level : Redaction.values()) {
      assertThat(masked(level, text)).as(kind + " at " + level).doesNotContain(value);
    }
  }

  @Test
  void arnsInAListAndAtTheEndOfASentenceGiveTheBareName() {
    Masker m = new Masker(Redaction.IDENTITIES);
    String text =
        "by arn:aws:iam::444455556666:user/erin, arn:aws:sts::444455556666:assumed-role/r/s-1.";
    assertThat(m.mask(text))
        .isEqualTo(
            "by arn:aws:iam::{account-1}:user/{user-1}, arn:aws:sts::{account-1}:assumed-role/r/{user-2}.");
    assertThat(m.mask("erin and s-1")).isEqualTo("{user-1} and {user-2}");
  }

  @Test
  void aValueInsideAJsonLogLineStopsAtItsQuote() {
    String line = "{\"message\":\"run --aws-session-token FwoGZXIvYXdzTok\",\"x\":\"[Errno 110]\"}";
    assertThat(masked(Redaction.NONE, line))
        .isEqualTo("{\"message\":\"run --aws-session-token {secret-1}\",\"x\":\"[Errno 110]\"}");
    assertThat(masked(Redaction.NONE, "(Proxy-Authorization: Basic c3ZjOnB3MTIzNDU=)"))
        .isEqualTo("(Proxy-Authorization: Basic {credential-1})");
  }

  @Test
  void maskingTwiceChangesNothing() {
    Masker m = new Masker(Redaction.IDENTITIES);
    m.learnField("user.name", "user");
    String once = m.mask("user user Proxy-Authorization: Basic c3ZjOnB3MTIzNDU= ProxyPassword=pw");
    assertThat(once)
        .isEqualTo(
            "{user-1} {user-1} Proxy-Authorization: Basic {credential-1} ProxyPassword={password-2}");
    assertThat(m.mask(once)).isEqualTo(once);
  }

  @Test
  void presignedCredentialKeyIdIsAnIdentity() {
    String url = "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240501";
    assertThat(masked(Redaction.IDENTITIES, url)).doesNotContain("AKIAIOSFODNN7EXAMPLE");
  }

  @Test
  void decodedBasicCredentialsAreMaskedWhereverElseTheyAppear() {
    Masker m = new Masker(Redaction.IDENTITIES);
    // c3ZjLWtpbTpIdW50ZXIyMjI= is svc-kim:Hunter222
    m.learnText("Proxy-Authorization: Basic c3ZjLWtpbTpIdW50ZXIyMjI=");
    assertThat(m.mask("login svc-kim with Hunter222 failed"))
        .doesNotContain("svc-kim", "Hunter222");
  }

  @Test
  void theSameValueGetsTheSameMaskAndLearnedValuesAreMaskedEverywhere() {
    Masker m = new Masker(Redaction.IDENTITIES);
    m.learnText("arn:aws:iam::444455556666:user/erin");
    assertThat(m.mask("AWSLogs/444455556666/ and account 444455556666 (erin)"))
        .isEqualTo("AWSLogs/{account-1}/ and account {account-1} ({user-1})");
  }

  @Test
  void fieldsWhoseMeaningTheParserKnewAreLearned() {
    Masker m = new Masker(Redaction.IDENTITIES_AND_IPS);
    m.learn(
        Event.builder("squid.access")
            .set(Fields.USER_NAME, "alice")
            .set(Fields.SOURCE_IP, "10.20.1.54")
            .set(Fields.DESTINATION_IP, "203.0.113.3")
            .original("1714554000.120 12 10.20.1.54 TCP_DENIED/403 CONNECT x:443 alice")
            .build());
    assertThat(m.mask("alice from 10.20.1.54 to 203.0.113.3"))
        .isEqualTo("{user-1} from 10.20.1.54 to {ip-1}");
  }

  @Test
  void ordinaryTextStaysAsItIs() {
    List<String> lines =
        List.of(
            "2024-05-01 09:00:01 INFO proxy asked for authorization, retrying",
            "https_proxy=http://proxy.corp.example:3128",
            "GET http://proxy.example.com:3128/path?u=a@b HTTP/1.1",
            "proxy 10.20.0.8:3128 refused the connection for svc@corp.example",
            "windows10.0-kb5042444-x64_511b074796f4054b194ea9e1e85715f135c84bba.psf",
            "\"password\": \"HIDDEN_DUE_TO_SECURITY_REASONS\"",
            "User: arn:aws:iam::111122223333:user/xavier is not authorized");
    for (String line : lines.subList(0, 6)) {
      assertThat(masked(Redaction.IDENTITIES_AND_IPS, line)).isEqualTo(line);
    }
    assertThat(masked(Redaction.IDENTITIES, lines.get(6)))
        .isEqualTo("User: arn:aws:iam::{account-1}:user/{user-1} is not authorized");
  }

  @Test
  void aPathOfFortyCharactersIsNoSecretKey() {
    String path = "bundles/x/vpc-flow-logs/AWSLogs/111122223333/vpcflowlogs/ap-northeast-1/f.log";
    assertThat(masked(Redaction.NONE, path)).isEqualTo(path);
    assertThat(masked(Redaction.NONE, "/x/logs/AWSLogs/111122223333/vpcflowlogs/ap-north/y"))
        .doesNotContain("{");
  }

  @Test
  void jsonStringsAreMaskedAndTheDocumentStaysJson() {
    Masker m = new Masker(Redaction.IDENTITIES);
    String json = "{\"event.original\":\"ProxyPassword=\\\"s3cret!\\\" user=bob\",\"n\":3}";
    assertThat(m.maskJson(json))
        .isEqualTo(
            "{\"event.original\":\"ProxyPassword=\\\"{password-1}\\\" user={user-1}\",\"n\":3}");
  }

  /**
   * The collectors' corpus ({@code collect/scrub-corpus.txt}): whatever the collectors mask, the
   * report masks too, so the two lists cannot drift apart unnoticed.
   */
  @Test
  void everyValueTheCollectorsScrubIsMasked() throws IOException {
    Path corpus = Path.of("..", "collect", "scrub-corpus.txt");
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.ISO_8859_1);
    int checked = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).startsWith("< ") || !lines.get(i + 1).startsWith("> ")) {
        continue;
      }
      String in = lines.get(i).substring(2);
      String out = lines.get(i + 1).substring(2);
      List<String> secrets = scrubbed(in, out);
      String masked = masked(Redaction.IDENTITIES, in);
      for (String secret : secrets) {
        assertThat(masked).as("line %d: %s", i + 1, in).doesNotContain(secret);
        checked++;
      }
      if (secrets.isEmpty()) {
        assertThat(masked(Redaction.NONE, in)).as("line %d stays", i + 1).isEqualTo(in);
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  /** The values the collectors replaced by {@code ***}, found by aligning input and output. */
  private static List<String> scrubbed(String in, String out) {
    String[] pieces = out.split("\\*\\*\\*", -1);
    if (pieces.length == 1) {
      return List.of();
    }
    StringBuilder re = new StringBuilder("^");
    for (int p = 0; p < pieces.length; p++) {
      re.append(Pattern.quote(pieces[p]));
      if (p < pieces.length - 1) {
        re.append("(.*)");
      }
    }
    Matcher m = Pattern.compile(re.append('$').toString()).matcher(in);
    assertThat(m.matches()).as("corpus case %s", in).isTrue();
    List<String> values = new ArrayList<>();
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g).length() > 3) {
        values.add(m.group(g));
      }
    }
    return values;
  }

  @Test
  void publicMeansRoutable() throws Exception {
    assertThat(Masker.isPublic(InetAddress.getByName("203.0.113.9"))).isTrue();
    assertThat(Masker.isPublic(InetAddress.getByName("2001:db8::1"))).isTrue();
    assertThat(Masker.isPublic(InetAddress.getByName("10.1.2.3"))).isFalse();
    assertThat(Masker.isPublic(InetAddress.getByName("100.64.0.1"))).isFalse();
    assertThat(Masker.isPublic(InetAddress.getByName("fd00::1"))).isFalse();
    assertThat(Masker.isPublic(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @Test
  void redactParsesTheOptionValues() {
    assertThat(Redaction.parse("")).isEqualTo(Redaction.IDENTITIES);
    assertThat(Redaction.parse("ips")).isEqualTo(Redaction.IDENTITIES_AND_IPS);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Redaction.parse("names"))
        .hasMessageContaining("--redact=ips");
  }
}
