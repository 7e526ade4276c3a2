package io.camssdk.management.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * cams-sdk-bom promises users the versions the SDK is built and tested with: its properties must equal the root
 * pom's, and those must be the versions actually on this module's test classpath. Fails the build when they drift.
 */
class BomMatchesBuildTest {
  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

  @Test
  void bomVersionsEqualTheRootPomsProperties() throws Exception {
    Map<String, String> bom = properties(BASEDIR.resolve("../sdk-bom/pom.xml"));
    Map<String, String> root = properties(BASEDIR.resolve("../pom.xml"));

    for (String name : new String[] {"okhttp.version", "okio.version", "kotlin.version", "moshi.version"}) {
      assertThat(bom).as("sdk-bom/pom.xml <properties>").containsKey(name);
      assertThat(bom.get(name)).as("%s in sdk-bom/pom.xml vs the root pom.xml", name).isEqualTo(root.get(name));
    }
    assertThat(projectVersion(BASEDIR.resolve("../sdk-bom/pom.xml")))
        .as("cams-sdk-bom's version vs the root pom's").isEqualTo(projectVersion(BASEDIR.resolve("../pom.xml")));
  }

  @Test
  void bomVersionsAreTheOnesOnTheTestClasspath() throws Exception {
    Map<String, String> bom = properties(BASEDIR.resolve("../sdk-bom/pom.xml"));

    assertThat(okhttp3.OkHttp.class.getField("VERSION").get(null)).as("OkHttp on the classpath")
        .isEqualTo(bom.get("okhttp.version"));
    assertThat(bundleVersion(okio.Okio.class)).as("Okio on the classpath").isEqualTo(bom.get("okio.version"));
    assertThat(kotlin.KotlinVersion.CURRENT.toString()).as("Kotlin stdlib on the classpath")
        .isEqualTo(bom.get("kotlin.version"));
    assertThat(jarName(Moshi.class)).as("Moshi on the classpath").isEqualTo("moshi-" + bom.get("moshi.version") + ".jar");
    assertThat(jarName(OkHttpClient.class)).isEqualTo("okhttp-jvm-" + bom.get("okhttp.version") + ".jar");
  }

  @Test
  void theMessageOfTheHttpStackCheckNamesTheBuildsVersions() throws Exception {
    Map<String, String> root = properties(BASEDIR.resolve("../pom.xml"));
    HttpStackCheck.BuiltWith built = HttpStackCheck.BuiltWith.read();

    assertThat(built.okhttp()).isEqualTo(root.get("okhttp.version"));
    assertThat(built.okio()).isEqualTo(root.get("okio.version"));
    assertThat(built.sdk()).isEqualTo(projectVersion(BASEDIR.resolve("../pom.xml")));
  }

  private static Map<String, String> properties(Path pom) throws Exception {
    Element project = parse(pom);
    Map<String, String> properties = new LinkedHashMap<>();
    NodeList sections = project.getElementsByTagName("properties");
    for (int s = 0; s < sections.getLength(); s++) {
      if (sections.item(s).getParentNode() != project) {
        continue;
      }
      NodeList children = sections.item(s).getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        Node child = children.item(i);
        if (child.getNodeType() == Node.ELEMENT_NODE) {
          properties.put(child.getNodeName(), child.getTextContent().trim());
        }
      }
    }
    return properties;
  }

  private static String projectVersion(Path pom) throws Exception {
    NodeList children = parse(pom).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeName().equals("version")) {
        return children.item(i).getTextContent().trim();
      }
    }
    throw new AssertionError("no <version> in " + pom);
  }

  private static Element parse(Path pom) throws Exception {
    assertThat(Files.isRegularFile(pom)).as("%s", pom).isTrue();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(pom.toFile());
    return document.getDocumentElement();
  }

  private static String bundleVersion(Class<?> type) throws Exception {
    URL manifest = new URL("jar:" + type.getProtectionDomain().getCodeSource().getLocation() + "!/META-INF/MANIFEST.MF");
    try (InputStream in = manifest.openStream()) {
      return new Manifest(in).getMainAttributes().getValue("Bundle-Version");
    }
  }

  private static String jarName(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
