package wengang.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The places of the synthetic province. Guangdong's 21 prefecture-level cities and their
 * 2022 targets are conf/reference/quotas.csv (粤人社发〔2022〕15号 附件2, 人社部发〔2022〕13号
 * 附件2); Guangzhou's 11 districts are conf/reference/districts.csv; the covered origins
 * (Bijie 5205, Qiannan 5227, Anshun 5204) are conf/reference/origin_prefectures.csv.
 * They are copied here, not read at run time, so that a generated province does not
 * depend on the folder the command runs from. Weights are rough shares of migrant jobs
 * (units per city, workers per origin), for plausibility only.
 */
final class Geography {
    private Geography() {}

    public static final String GUANGZHOU = "440100";
    public static final String GUANGDONG = "440000";

    record District(String code, String name, int weight) {}

    /** A city with the district its units are registered in (one or more). */
    record City(String code, String name, List<District> districts, int unitWeight) {}

    record County(String code, String name) {}

    /** An origin group: its counties and its share of workers. */
    record Origin(String label, boolean covered, List<County> counties, int weight) {}

    record Quota(int year, String regionCode, String regionName, long targetPersons) {}

    /** conf/reference/districts.csv, weighted by migrant employment (Baiyun, Panyu, Tianhe, Huangpu most). */
    static final List<District> GUANGZHOU_DISTRICTS = List.of(
            new District("440103", "荔湾区", 6),
            new District("440104", "越秀区", 5),
            new District("440105", "海珠区", 8),
            new District("440106", "天河区", 12),
            new District("440111", "白云区", 18),
            new District("440112", "黄埔区", 12),
            new District("440113", "番禺区", 14),
            new District("440114", "花都区", 10),
            new District("440115", "南沙区", 7),
            new District("440117", "从化区", 3),
            new District("440118", "增城区", 8));

    static final City GUANGZHOU_CITY = new City(GUANGZHOU, "广州市", GUANGZHOU_DISTRICTS, 0);

    /** The other 20 cities; units outside Guangzhou are registered in these districts. */
    static final List<City> OTHER_CITIES = List.of(
            new City("440300", "深圳市", List.of(new District("440304", "福田区", 3),
                    new District("440306", "宝安区", 5), new District("440307", "龙岗区", 4)), 30),
            new City("441900", "东莞市", List.of(new District("441900", "", 1)), 25),
            new City("440600", "佛山市", List.of(new District("440604", "禅城区", 1),
                    new District("440606", "顺德区", 2)), 20),
            new City("441300", "惠州市", List.of(new District("441302", "惠城区", 1)), 8),
            new City("442000", "中山市", List.of(new District("442000", "", 1)), 7),
            new City("440400", "珠海市", List.of(new District("440402", "香洲区", 1)), 3),
            new City("440700", "江门市", List.of(new District("440703", "蓬江区", 1)), 3),
            new City("441200", "肇庆市", List.of(new District("441202", "端州区", 1)), 2),
            new City("441800", "清远市", List.of(new District("441802", "清城区", 1)), 2),
            new City("440500", "汕头市", List.of(new District("440507", "龙湖区", 1)), 1),
            new City("440200", "韶关市", List.of(new District("440203", "武江区", 1)), 1),
            new City("441600", "河源市", List.of(new District("441602", "源城区", 1)), 1),
            new City("441400", "梅州市", List.of(new District("441402", "梅江区", 1)), 1),
            new City("441500", "汕尾市", List.of(new District("441502", "城区", 1)), 1),
            new City("441700", "阳江市", List.of(new District("441702", "江城区", 1)), 1),
            new City("440800", "湛江市", List.of(new District("440802", "赤坎区", 1)), 1),
            new City("440900", "茂名市", List.of(new District("440902", "茂南区", 1)), 1),
            new City("445100", "潮州市", List.of(new District("445102", "湘桥区", 1)), 1),
            new City("445200", "揭阳市", List.of(new District("445202", "榕城区", 1)), 1),
            new City("445300", "云浮市", List.of(new District("445302", "云城区", 1)), 1));

    static final Origin BIJIE = new Origin("Bijie", true, List.of(
            new County("520502", "七星关区"), new County("520521", "大方县"), new County("520523", "金沙县"),
            new County("520524", "织金县"), new County("520525", "纳雍县"), new County("520526", "威宁彝族回族苗族自治县"),
            new County("520527", "赫章县"), new County("520581", "黔西市")), 40);

    static final Origin QIANNAN = new Origin("Qiannan", true, List.of(
            new County("522701", "都匀市"), new County("522702", "福泉市"), new County("522722", "荔波县"),
            new County("522723", "贵定县"), new County("522725", "瓮安县"), new County("522726", "独山县"),
            new County("522727", "平塘县"), new County("522728", "罗甸县"), new County("522729", "长顺县"),
            new County("522730", "龙里县"), new County("522731", "惠水县"), new County("522732", "三都水族自治县")), 22);

    static final Origin ANSHUN = new Origin("Anshun", true, List.of(
            new County("520402", "西秀区"), new County("520403", "平坝区"), new County("520422", "普定县"),
            new County("520423", "镇宁布依族苗族自治县"), new County("520424", "关岭布依族苗族自治县"),
            new County("520425", "紫云苗族布依族自治县")), 18);

    static final Origin OTHER_GUIZHOU = new Origin("other Guizhou", false, List.of(
            new County("520111", "花溪区"), new County("520123", "修文县"), new County("520322", "桐梓县"),
            new County("520324", "正安县"), new County("522622", "黄平县"), new County("522631", "黎平县"),
            new County("522327", "册亨县")), 10);

    static final Origin GUANGXI = new Origin("Guangxi", false, List.of(
            new County("450126", "宾阳县"), new County("450921", "容县"), new County("451022", "田东县"),
            new County("451221", "南丹县"), new County("451031", "隆林各族自治县")), 7);

    static final Origin OTHER = new Origin("Hunan, Yunnan", false, List.of(
            new County("433122", "泸溪县"), new County("431226", "麻阳苗族自治县"), new County("532128", "镇雄县")), 3);

    static final List<Origin> ORIGINS = List.of(BIJIE, QIANNAN, ANSHUN, OTHER_GUIZHOU, GUANGXI, OTHER);

    static final List<Origin> COVERED_ORIGINS = List.of(BIJIE, QIANNAN, ANSHUN);

    /**
     * Household registration of the ordinary insured (never in the registry): Guangdong
     * itself, the provinces Guangdong's migrant workers come from, and Guizhou, whose
     * covered counties among them show that a covered county alone makes no one eligible.
     * {@code covered} is false for every group: these persons are not registry persons.
     */
    static final List<Origin> INSURED_ORIGINS = List.of(
            new Origin("Guangdong", false, List.of(
                    new County("440103", "荔湾区"), new County("440106", "天河区"), new County("440111", "白云区"),
                    new County("440113", "番禺区"), new County("440118", "增城区"), new County("440306", "宝安区"),
                    new County("440307", "龙岗区"), new County("440604", "禅城区"), new County("440606", "顺德区"),
                    new County("441900", "东莞市"), new County("442000", "中山市"), new County("440507", "龙湖区"),
                    new County("445281", "普宁市"), new County("445122", "饶平县"), new County("441581", "陆丰市"),
                    new County("441402", "梅江区"), new County("441422", "大埔县"), new County("441481", "兴宁市"),
                    new County("440825", "徐闻县"), new County("440881", "廉江市"), new County("440981", "高州市"),
                    new County("440982", "化州市"), new County("441621", "紫金县"), new County("441882", "连州市"),
                    new County("440232", "乳源瑶族自治县"), new County("441702", "江城区"), new County("445302", "云城区"),
                    new County("441226", "德庆县")), 45),
            new Origin("Hunan", false, List.of(
                    new County("430111", "雨花区"), new County("430582", "邵东市"), new County("431021", "桂阳县"),
                    new County("430923", "安化县"), new County("431225", "会同县"), new County("430524", "隆回县"),
                    new County("431124", "道县")), 12),
            new Origin("Guangxi", false, List.of(
                    new County("450126", "宾阳县"), new County("450921", "容县"), new County("450981", "北流市"),
                    new County("450821", "平南县"), new County("450881", "桂平市")), 11),
            new Origin("Sichuan", false, List.of(
                    new County("511321", "南部县"), new County("510722", "三台县"), new County("511621", "岳池县"),
                    new County("511623", "邻水县")), 7),
            new Origin("Jiangxi", false, List.of(
                    new County("360704", "赣县区"), new County("360735", "石城县"), new County("360781", "瑞金市"),
                    new County("360731", "于都县")), 6),
            new Origin("Henan", false, List.of(
                    new County("411522", "光山县"), new County("411621", "扶沟县"), new County("411323", "淅川县")), 6),
            new Origin("Hubei", false, List.of(
                    new County("420921", "孝昌县"), new County("421127", "黄梅县")), 4),
            new Origin("Guizhou", false, guizhouCounties(), 7),
            new Origin("other provinces", false, List.of(
                    new County("532128", "镇雄县"), new County("500233", "忠县"), new County("350583", "南安市")), 2));

    /** conf/reference/quotas.csv: the 2022 targets (persons), cities and the province row. */
    static final List<Quota> QUOTAS_2022 = List.of(
            new Quota(2022, "440100", "广州市", 798000),
            new Quota(2022, "440300", "深圳市", 869900),
            new Quota(2022, "440400", "珠海市", 98500),
            new Quota(2022, "440500", "汕头市", 100600),
            new Quota(2022, "440600", "佛山市", 363000),
            new Quota(2022, "440200", "韶关市", 36300),
            new Quota(2022, "441600", "河源市", 20100),
            new Quota(2022, "441400", "梅州市", 16200),
            new Quota(2022, "441300", "惠州市", 206200),
            new Quota(2022, "441500", "汕尾市", 12200),
            new Quota(2022, "441900", "东莞市", 781300),
            new Quota(2022, "442000", "中山市", 239800),
            new Quota(2022, "440700", "江门市", 98800),
            new Quota(2022, "441700", "阳江市", 20000),
            new Quota(2022, "440800", "湛江市", 26400),
            new Quota(2022, "440900", "茂名市", 15400),
            new Quota(2022, "441200", "肇庆市", 40700),
            new Quota(2022, "441800", "清远市", 31700),
            new Quota(2022, "445100", "潮州市", 44600),
            new Quota(2022, "445200", "揭阳市", 46100),
            new Quota(2022, "445300", "云浮市", 9900),
            new Quota(2022, "440000", "广东省", 3876000));

    private static final int[] GUANGZHOU_WEIGHTS = GUANGZHOU_DISTRICTS.stream().mapToInt(District::weight).toArray();
    private static final int[] CITY_WEIGHTS = OTHER_CITIES.stream().mapToInt(City::unitWeight).toArray();
    private static final int[] ORIGIN_WEIGHTS = ORIGINS.stream().mapToInt(Origin::weight).toArray();
    private static final int[] COVERED_ORIGIN_WEIGHTS = COVERED_ORIGINS.stream().mapToInt(Origin::weight).toArray();
    private static final int[] INSURED_ORIGIN_WEIGHTS = INSURED_ORIGINS.stream().mapToInt(Origin::weight).toArray();
    private static final Map<String, City> CITY_OF_DISTRICT = new HashMap<>();
    private static final Map<String, District> DISTRICTS = new HashMap<>();

    static {
        for (City city : allCities()) {
            for (District d : city.districts()) {
                CITY_OF_DISTRICT.put(d.code(), city);
                DISTRICTS.put(d.code(), d);
            }
        }
    }

    private static List<City> allCities() {
        List<City> all = new ArrayList<>();
        all.add(GUANGZHOU_CITY);
        all.addAll(OTHER_CITIES);
        return all;
    }

    static int[] weights(List<District> districts) {
        return districts == GUANGZHOU_DISTRICTS ? GUANGZHOU_WEIGHTS
                : districts.stream().mapToInt(District::weight).toArray();
    }

    static int[] cityWeights() {
        return CITY_WEIGHTS;
    }

    static int[] originWeights() {
        return ORIGIN_WEIGHTS;
    }

    static int[] coveredOriginWeights() {
        return COVERED_ORIGIN_WEIGHTS;
    }

    static int[] insuredOriginWeights() {
        return INSURED_ORIGIN_WEIGHTS;
    }

    private static List<County> guizhouCounties() {
        List<County> all = new ArrayList<>();
        for (Origin o : List.of(BIJIE, QIANNAN, ANSHUN, OTHER_GUIZHOU)) {
            all.addAll(o.counties());
        }
        return all;
    }

    /** The city (region code, name) a district belongs to. */
    static City cityOf(String districtCode) {
        City city = CITY_OF_DISTRICT.get(districtCode);
        if (city == null) {
            throw new IllegalArgumentException("unknown district: " + districtCode);
        }
        return city;
    }

    static String districtName(String districtCode) {
        District d = DISTRICTS.get(districtCode);
        return d == null ? "" : d.name();
    }

    static boolean coveredCounty(String county) {
        return COVERED_ORIGINS.stream().anyMatch(o -> o.counties().stream().anyMatch(c -> c.code().equals(county)));
    }
}
