package com.nightshift.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.yaml.FileProblem;

/** What the file alone tells: its shape, addresses, languages, regions; each problem with its line and value. */
class RecipientsFileReaderTest {

    private static final String REGIONS = """
            regions:
              华北: [北京朝阳店, 天津滨江道店]
              华东: [上海浦东店]
            recipients:
            """;

    @Test
    void theIssuesExampleReadsAsItSays() {
        RecipientsFileReader.Contents contents = RecipientsFileReader.read("""
                regions:
                  华北: [北京朝阳店, 天津滨江道店]
                recipients:
                  - {email: zhang.san@example.com, name: 张三, language: zh-CN, stores: [北京朝阳店]}
                  - {email: li.si@example.com, name: 李四, language: zh-CN, regions: [华北]}
                  - {email: hq@example.com, name: Head Office, language: en, chain: true}
                """);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.directory().regions()).isEqualTo(Map.of("华北", List.of("北京朝阳店", "天津滨江道店")));
        assertThat(contents.directory().recipients()).containsExactly(
                new Recipient(0, "zhang.san@example.com", "张三", Locale.forLanguageTag("zh-CN"), List.of("北京朝阳店"),
                        List.of(), false),
                new Recipient(0, "li.si@example.com", "李四", Locale.forLanguageTag("zh-CN"), List.of(), List.of("华北"),
                        false),
                new Recipient(0, "hq@example.com", "Head Office", Locale.ENGLISH, List.of(), List.of(), true));
        assertThat(contents.storeMentions()).containsExactly(new RecipientsFileReader.StoreMention("北京朝阳店", 2),
                new RecipientsFileReader.StoreMention("天津滨江道店", 2),
                new RecipientsFileReader.StoreMention("北京朝阳店", 4));
    }

    @Test
    void blockStyleGivesEachValueItsOwnLineAndLanguageDefaultsToChinese() {
        RecipientsFileReader.Contents contents = RecipientsFileReader.read("""
                recipients:
                  - email: zhang.san@example.com
                    name: 张三
                    stores:
                      - 北京朝阳店
                      - 上海浦东店
                """);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.directory().recipients().get(0).language()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(contents.storeMentions()).extracting(RecipientsFileReader.StoreMention::line).containsExactly(5, 6);
    }

    @Test
    void anUnknownRegionIsNamedWithItsLine() {
        assertThat(problems(REGIONS + """
                  - {email: li.si@example.com, name: 李四, regions: [华北, 华南]}
                """)).containsExactly(new FileProblem(5, "unknown region '华南' (not declared under 'regions')"));
    }

    @Test
    void aStoreInTwoRegionsIsNamedWhereItIsRepeated() {
        assertThat(problems("""
                regions:
                  华北: [北京朝阳店]
                  华东:
                    - 上海浦东店
                    - 北京朝阳店
                recipients:
                  - {email: hq@example.com, name: HQ, chain: true}
                """)).containsExactly(new FileProblem(5, "store '北京朝阳店' is in two regions, '华北' and '华东'"));
    }

    @Test
    void aMalformedAddressIsRefusedByTheStrictParser() {
        assertThat(problems(REGIONS + """
                  - {email: zhang.san@example.com, name: 张三, stores: [北京朝阳店]}
                  - {email: li si@example.com, name: 李四, stores: [北京朝阳店]}
                """)).singleElement().satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(6);
                    assertThat(problem.text()).startsWith("malformed address 'li si@example.com' (");
                });
    }

    @Test
    void anAddressWithAPersonalNameIsMalformed() {
        assertThat(problems(REGIONS + """
                  - {email: "张三 <zhang.san@example.com>", name: 张三, stores: [北京朝阳店]}
                """)).singleElement().extracting(FileProblem::text).asString()
                .startsWith("malformed address '张三 <zhang.san@example.com>'");
    }

    @Test
    void anAddressGivenTwiceInAnotherCaseIsADuplicate() {
        assertThat(problems(REGIONS + """
                  - {email: zhang.san@example.com, name: 张三, stores: [北京朝阳店]}
                  - {email: hq@example.com, name: HQ, chain: true}
                  - {email: Zhang.San@Example.com, name: 张三, stores: [上海浦东店]}
                """)).containsExactly(
                new FileProblem(7, "duplicate address 'Zhang.San@Example.com' (first at line 5)"));
    }

    @Test
    void anUnknownLanguageIsNamedWithTheKnownOnes() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: HQ, language: zh-TW, chain: true}
                """)).containsExactly(new FileProblem(5, "unknown language 'zh-TW' (known: zh-CN, en)"));
    }

    @Test
    void aRecipientWithoutAnEmailIsNamedByTheirName() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: HQ, chain: true}
                  - name: 张三
                    stores: [北京朝阳店]
                """)).containsExactly(new FileProblem(6, "a recipient without an email (name '张三')"));
    }

    @Test
    void aRecipientWithoutANameIsNamedByTheirAddress() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: "", chain: true}
                """)).containsExactly(new FileProblem(5, "recipient 'hq@example.com' without a name"));
    }

    @Test
    void aRecipientWhoReceivesNothingIsRefused() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: HQ, stores: [], chain: false}
                """)).containsExactly(new FileProblem(5,
                "recipient 'hq@example.com' receives nothing: give stores, regions or chain: true"));
    }

    @Test
    void aMistypedKeyIsUnknownAndNotAlsoReportedAsReceivingNothing() {
        assertThat(problems(REGIONS + """
                  - email: zhang.san@example.com
                    name: 张三
                    stors: [北京朝阳店]
                """)).containsExactly(new FileProblem(7,
                "unknown key 'stors' (known: email, name, language, stores, regions, chain)"));
    }

    @Test
    void aMistypedTopLevelKeyIsUnknown() {
        assertThat(problems("""
                region:
                  华北: [北京朝阳店]
                recipients:
                  - {email: hq@example.com, name: HQ, chain: true}
                """)).containsExactly(new FileProblem(1, "unknown key 'region' (known: regions, recipients)"));
    }

    @Test
    void aKeyGivenTwiceIsAProblem() {
        assertThat(problems(REGIONS + """
                  - email: hq@example.com
                    name: HQ
                    email: other@example.com
                    chain: true
                """)).containsExactly(new FileProblem(7, "key 'email' given twice"));
    }

    @Test
    void aChainThatIsNotABooleanIsNamed() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: HQ, chain: "yes please"}
                """)).containsExactly(new FileProblem(5, "'chain' must be true or false, not 'yes please'"));
    }

    @Test
    void storesGivenAsOneNameInsteadOfAListAreNamed() {
        assertThat(problems(REGIONS + """
                  - {email: hq@example.com, name: HQ, stores: 北京朝阳店}
                """)).containsExactly(new FileProblem(5,
                "'stores' must be a list of names like [a, b], not '北京朝阳店'"));
    }

    @Test
    void aValueThatIsNotTextIsNamedAsTheFileWritesIt() {
        assertThat(problems(REGIONS + """
                  - {email: [hq@example.com], name: HQ, chain: true}
                """)).containsExactly(new FileProblem(5, "'email' must be a piece of text, not '[hq@example.com]'"));
    }

    @Test
    void aRegionWithoutStoresIsAProblem() {
        assertThat(problems("""
                regions:
                  华北: []
                recipients:
                  - {email: hq@example.com, name: HQ, chain: true}
                """)).containsExactly(new FileProblem(2, "region '华北' has no stores"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndText() {
        assertThat(problems("""
                regions:
                  华北: [北京朝阳店
                recipients:
                  - {email: hq@example.com, name: HQ, chain: true}
                """)).singleElement().satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.text()).startsWith("not valid YAML (").endsWith("): recipients:");
                });
    }

    @Test
    void anEmptyFileNeedsRecipients() {
        assertThat(problems("# nothing yet\n"))
                .containsExactly(new FileProblem(0, "the file is empty: it needs a 'recipients' list"));
    }

    @Test
    void anEmptyRecipientsListIsRefused() {
        assertThat(problems(REGIONS.replace("recipients:\n", "recipients: []\n")))
                .containsExactly(new FileProblem(4, "'recipients' is empty: nobody would receive anything"));
    }

    @Test
    void everyProblemOfTheFileIsReportedTogether() {
        assertThat(problems("""
                regions:
                  华北: [北京朝阳店]
                  华东: [北京朝阳店]
                recipients:
                  - {email: not-an-address, name: 张三, stores: [北京朝阳店]}
                  - {email: li.si@example.com, name: 李四, language: fr, regions: [华南]}
                  - {email: hq@example.com, name: HQ, chain: true, stors: [x]}
                """)).extracting(FileProblem::line).containsExactly(3, 5, 6, 6, 7);
    }

    private static List<FileProblem> problems(String text) {
        return RecipientsFileReader.read(text).problems();
    }
}
