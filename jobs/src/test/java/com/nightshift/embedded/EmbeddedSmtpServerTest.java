package com.nightshift.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

class EmbeddedSmtpServerTest {

    @TempDir
    Path mailDir;

    @Test
    void filesEachMessageOncePerRecipientAsAnEmlFile() throws Exception {
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            sender.setDefaultEncoding("UTF-8");
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom("nightshift@chain.example");
            helper.setTo(new String[] {"manager-bj@chain.example", "region-north@chain.example"});
            helper.setSubject("北京朝阳店 日报");
            helper.setText("营业额 1234.50");

            sender.send(message);

            List<Path> files = emlFiles();
            assertThat(files).hasSize(2);
            assertThat(files).anySatisfy(file -> assertThat(file.getFileName().toString())
                    .contains("manager-bj@chain.example"));
            MimeMessage filed = read(files.get(0));
            assertThat(filed.getSubject()).isEqualTo("北京朝阳店 日报");
            assertThat(filed.getHeader("Delivered-To")).isNotEmpty();
        }
    }

    @Test
    void leavesNoPartialFilesBehind() throws Exception {
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            MimeMessage message = sender.createMimeMessage();
            new MimeMessageHelper(message).setTo("ops@chain.example");
            message.setFrom("nightshift@chain.example");
            message.setText("x");

            sender.send(message);

            try (Stream<Path> all = Files.list(mailDir)) {
                assertThat(all.map(path -> path.getFileName().toString())).singleElement().asString()
                        .endsWith("ops@chain.example.eml");
            }
        }
    }

    private List<Path> emlFiles() throws Exception {
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
    }
}
